/**
 * Installs the schemas' error map: an issue a schema does not name gets a catalogue id by its kind
 * (`messageIdOfIssue`). Apart from catalogue.ts so that the catalogue itself needs no zod: the
 * admin's first screen renders messages without loading zod (issue 10, `display.ts`). The package's
 * index imports this, so whoever imports a schema from `@kader/workflow` has it installed.
 */
import { z } from 'zod';
import { messageIdOfIssue } from './catalogue';

z.config({ customError: (issue) => messageIdOfIssue(issue as Parameters<typeof messageIdOfIssue>[0]) });
