// The schema: the type files register themselves on the builder when imported.
import { builder } from './builder';
import './types/enums';
import './types/errors';
import './types/people-errors';
import './types/user';
import './types/organisation';
import './types/reference';
import './types/initiative';
import './types/period';
import './types/service';
import './types/api-token';
import './types/return';

export const schema = builder.toSchema({ sortSchema: true });
