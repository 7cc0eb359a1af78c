// The response classes (対応区分) Kawasaki uses in its public comment results, A to E. One list for the
// module: the demo, the tests and a new tenant's defaults read it from here.
import type { ReportInput } from './types.ts';

export const kawasakiResponseClasses: ReportInput['classes'] = [
  { code: 'A', label: '御意見を踏まえ、当初案に反映したもの' },
  { code: 'B', label: '御意見の趣旨が案に沿ったものであり、御意見の趣旨を踏まえ、取組を推進するもの' },
  { code: 'C', label: '今後の取組を進めていく上で参考とするもの' },
  { code: 'D', label: '案に対する質問・要望の御意見であり、案の内容を説明・確認するもの' },
  { code: 'E', label: 'その他' },
];
