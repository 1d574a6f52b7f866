export { newRulesCommit, type RulesCommit } from './commit.js';
export { preloadRules, prepareRules, type PreparedRules } from './prepare.js';
export { evaluateRules, type Evaluation, type EvaluateContext } from './evaluate.js';
export { flushRules } from './flush.js';
export type { RuleInput } from './rule-input.js';
