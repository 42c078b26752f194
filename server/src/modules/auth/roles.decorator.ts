import { SetMetadata } from '@nestjs/common';
import type { Role } from '@app/shared';

export const REQUIRED_ROLES = 'auth:roles';

/** Restricts a route (or a whole controller) to these roles; a signed-in user with another role gets 403 FORBIDDEN. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
