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
import './types/return-import';
import './types/target';
import './types/notification';
import './types/return-form';
import './types/return-review';
import './types/return-query';
import './types/dashboard-filter';
import './types/dashboard-portfolio';
import './types/dashboard-outcomes';
import './types/briefing';
import './types/export';

export const schema = builder.toSchema({ sortSchema: true });
