// Column types of a table that follows no standard, guessed from all of its values in one pass: integer,
// number, date, time, latitude and longitude (by the heading and the range of the values), or text.
// Codes with leading zeros (011002, 0600001) stay text, so no datastore turns them into numbers.
import { isIsoDate, isTime, parseDecimal } from './values.ts';

export type CoordinateRole = 'latitude' | 'longitude';

const latitudeNames = new Set(['lat', 'latitude', 'ido']);
const longitudeNames = new Set(['lon', 'lng', 'long', 'longitude', 'keido']);

/** Whether a heading names a latitude or longitude column: 緯度, 緯度（世界測地系）, lat, Longitude … */
export function coordinateRole(heading: string): CoordinateRole | null {
  const key = heading
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()（）[\]]/g, '');
  if (key.includes('緯度') || latitudeNames.has(key)) return 'latitude';
  if (key.includes('経度') || longitudeNames.has(key)) return 'longitude';
  return null;
}

interface ColumnGuess {
  values: number;
  integer: boolean;
  number: boolean;
  date: boolean;
  time: boolean;
  latitude: boolean;
  longitude: boolean;
}

const leadingZero = /^[+-]?0\d/;

export class TypeInference {
  private readonly guesses: ColumnGuess[];
  private readonly roles: (CoordinateRole | null)[];

  constructor(headings: string[]) {
    this.roles = headings.map(coordinateRole);
    this.guesses = headings.map((_, i) => ({
      values: 0,
      integer: true,
      number: true,
      date: true,
      time: true,
      latitude: this.roles[i] === 'latitude',
      longitude: this.roles[i] === 'longitude',
    }));
  }

  role(index: number): CoordinateRole | null {
    return this.roles[index] ?? null;
  }

  /** One non-empty value of a column. */
  observe(index: number, value: string): void {
    const g = this.guesses[index];
    if (!g) return;
    g.values++;
    if (g.number) {
      const n = leadingZero.test(value) ? null : parseDecimal(value);
      if (n === null) {
        g.number = g.integer = g.latitude = g.longitude = false;
      } else {
        if (g.integer && (value.includes('.') || value.length > 15)) g.integer = false;
        if (g.latitude && (n < -90 || n > 90)) g.latitude = false;
        if (g.longitude && (n < -180 || n > 180)) g.longitude = false;
      }
    }
    if (g.date && !isIsoDate(value)) g.date = false;
    if (g.time && !isTime(value)) g.time = false;
  }

  type(index: number): string {
    const g = this.guesses[index];
    if (!g || g.values === 0) return 'text';
    if (g.latitude) return 'latitude';
    if (g.longitude) return 'longitude';
    if (g.integer) return 'integer';
    if (g.number) return 'number';
    if (g.date) return 'date';
    if (g.time) return 'time';
    return 'text';
  }
}
