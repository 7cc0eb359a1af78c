// What a visitor is told about a consultation: its stored status with the period applied. The one place
// this rule lives; the pages, the feeds and the opinion form all ask it.

export type Phase = 'draft' | 'upcoming' | 'open' | 'closed' | 'analysing' | 'published';

/**
 * `today` and the dates are calendar days in Japan ('YYYY-MM-DD', compared as text). The period is
 * inclusive: on closesOn opinions are still taken; the next day an 'open' consultation reads as closed
 * even before staff (or a job) change its status, and before opensOn it reads as 募集開始前.
 */
export function consultationPhase(row: { status: string; opensOn: string; closesOn: string }, today: string): Phase {
  switch (row.status) {
    case 'open':
      if (today < row.opensOn) return 'upcoming';
      if (today > row.closesOn) return 'closed';
      return 'open';
    case 'closed':
    case 'analysing':
    case 'published':
      return row.status;
    default:
      // Anything else (a draft, or a status this code does not know yet) is never shown as public.
      return 'draft';
  }
}
