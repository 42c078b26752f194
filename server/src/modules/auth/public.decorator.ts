import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'auth:public';

/** Opens a route (or a whole controller) to callers without a session. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
