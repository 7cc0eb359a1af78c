// Case export for business systems and spreadsheets: JSON, and CSV (UTF-8 with BOM or Shift_JIS, cells a
// spreadsheet would run as formulas are neutralised). Answers stay out of the CSV (personal data goes only
// where it is needed); the JSON carries them, with My Numbers masked.
import { toCsv } from '../../../platform/ja/csv.ts';
import type { Application } from '../model.ts';

type Row = Application & { overdue?: boolean };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function casesJson(cases: Row[]): string {
  return JSON.stringify({
    cases: cases.map((c) => ({
      id: c.id,
      receiptNumber: c.receiptNumber,
      procedureCode: c.procedureCode,
      procedureName: c.procedureName,
      department: c.department,
      status: c.status,
      channel: c.channel,
      applicantName: c.applicantName,
      viaProxy: c.viaProxyGrant !== null,
      businessId: c.businessId,
      feeAmount: c.feeAmount,
      paymentStatus: c.paymentStatus,
      dueDate: c.dueDate,
      overdue: c.overdue ?? false,
      submittedAt: iso(c.submittedAt),
      decidedAt: iso(c.decidedAt),
      updatedAt: iso(c.updatedAt),
      answers: c.answers,
    })),
  });
}

export function casesCsv(cases: Row[]): string {
  return toCsv(cases, {
    columns: [
      { header: '受付番号', value: 'receiptNumber' },
      { header: '手続コード', value: 'procedureCode' },
      { header: '手続名', value: 'procedureName' },
      { header: '担当部署', value: 'department' },
      { header: '状況', value: 'status' },
      { header: '受付方法', value: 'channel' },
      { header: '申請者', value: 'applicantName' },
      { header: '手数料', value: 'feeAmount' },
      { header: '支払', value: 'paymentStatus' },
      { header: '処理期限', value: 'dueDate' },
      { header: '期限超過', value: (c) => (c.overdue ? '1' : '0') },
      { header: '受付日時', value: (c) => iso(c.submittedAt) },
      { header: '決定日時', value: (c) => iso(c.decidedAt) },
    ],
  });
}
