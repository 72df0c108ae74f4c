/**
 * Every question the explorer asks, in the order of the panel's tabs. The panel, links (`q=`
 * and one parameter per field) and the answer view are built from these declarations, so adding
 * a question is: write questions/<name>.ts exporting a `QuestionSpec` (its fields, the node to
 * draw around, and `ask`, which queries the API and returns an `Answer` with its table), add its
 * GraphQL document to api/documents.ts (`npm run codegen`), and list it here.
 */
import { availabilityQuestion } from './availability';
import { concentrationQuestion } from './concentration';
import { diversificationQuestion } from './diversification';
import { exclusivitiesQuestion } from './exclusivities';
import { pathsQuestion } from './paths';
import type { QuestionSpec } from './question';
import { suppliersQuestion } from './suppliers';

export const QUESTIONS: readonly QuestionSpec[] = [
  suppliersQuestion,
  exclusivitiesQuestion,
  concentrationQuestion,
  pathsQuestion,
  availabilityQuestion,
  diversificationQuestion,
];

export const questionNamed = (name: string): QuestionSpec | undefined => QUESTIONS.find((q) => q.name === name);
