// Everything staff work with on one consultation: documents, submissions (with names and contacts),
// opinions, changes, the analysis help and what still blocks publication.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import {
  findDuplicates,
  groupSimilar,
  type SimilarGroup,
  suggestTopic,
  type TopicSuggestion,
} from '../analysis/index.ts';
import { consultationPhase } from '../feed/phase.ts';
import {
  type Change,
  type Consultation,
  type ConsultationDocument,
  type ConsultationPhase,
  japanToday,
  type Opinion,
  type Submission,
} from '../model.ts';
import { listChanges, listDocuments, listOpinions, listSubmissions, loadConsultation } from '../queries.ts';
import { checkPublication, type PublicationProblem } from './check-publication.ts';

export interface StaffConsultation {
  consultation: Consultation;
  phase: ConsultationPhase;
  documents: ConsultationDocument[];
  submissions: Submission[];
  opinions: Opinion[];
  changes: Change[];
  problems: PublicationProblem[];
  analysis: {
    /** Opinions that say much the same thing. */
    groups: SimilarGroup[];
    /** Submissions that repeat an earlier one (exact or nearly). */
    duplicates: Map<string, { duplicateOf: string; exact: boolean }>;
    /** For opinions whose topic staff have not confirmed. */
    suggestions: Map<string, TopicSuggestion>;
  };
}

export async function getStaffConsultation(
  deps: { db: Kysely<any> },
  input: {
    tenantId: string;
    consultationId: string;
    today?: string;
    /** Which analysis help to compute: grouping and duplicates cost seconds at tens of thousands of opinions. */
    analysis?: { groups?: boolean; duplicates?: boolean; suggestions?: boolean };
  },
): Promise<StaffConsultation> {
  const want = input.analysis ?? { groups: true, duplicates: true, suggestions: true };
  const loaded = await withTenant(deps.db, input.tenantId, async (trx) => {
    const consultation = await loadConsultation(trx, { id: input.consultationId });
    if (!consultation) throw new AppError('not_found', 'パブリックコメントが見つかりません。');
    return {
      consultation,
      documents: await listDocuments(trx, consultation.id),
      submissions: await listSubmissions(trx, consultation),
      opinions: await listOpinions(trx, consultation.id),
      changes: await listChanges(trx, consultation.id),
    };
  });
  const { consultation, submissions, opinions } = loaded;
  const duplicates = new Map<string, { duplicateOf: string; exact: boolean }>();
  for (const d of want.duplicates ? findDuplicates(submissions.map((s) => ({ id: s.id, text: s.body }))) : []) {
    duplicates.set(d.id, { duplicateOf: d.duplicateOf, exact: d.exact });
  }
  const topics = consultation.topics.map((t) => ({
    code: t.code,
    title: t.title,
    examples: opinions.filter((o) => o.topicConfirmed && o.topicCode === t.code).map((o) => o.summary),
  }));
  const suggestions = new Map<string, TopicSuggestion>();
  for (const o of want.suggestions ? opinions : []) {
    if (o.topicConfirmed) continue;
    const suggestion = suggestTopic(o.summary, topics);
    if (suggestion) suggestions.set(o.id, suggestion);
  }
  return {
    ...loaded,
    phase: consultationPhase(consultation, input.today ?? japanToday()),
    problems: checkPublication(consultation, submissions, opinions),
    analysis: {
      groups: want.groups ? groupSimilar(opinions.map((o) => ({ id: o.id, text: o.summary }))) : [],
      duplicates,
      suggestions,
    },
  };
}
