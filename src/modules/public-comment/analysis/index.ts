// Analysis help for staff reading a consultation's opinions: similar ones grouped, a topic suggested, repeats
// flagged, a submission cut into candidate opinions. Pure functions over the texts given; no database.
export {
  type Duplicate,
  defaultDuplicateThreshold,
  defaultGroupThreshold,
  findDuplicates,
  groupSimilar,
  type SimilarGroup,
  type TextItem,
} from './similarity.ts';
export { splitIntoOpinions } from './split.ts';
export { minimumTopicScore, suggestTopic, type TopicExample, type TopicSuggestion } from './suggest.ts';
export { tokenize } from './tokenize.ts';
