import { DOMAIN_VOCABULARY } from '@app/shared';

/**
 * The domain's vocabulary (columns, categories, channels, roles…) comes from shared, where the
 * server's exports read it too; feature-specific wording lives in each feature's own messages file.
 */
export const domainZhCN = DOMAIN_VOCABULARY['zh-CN'];
export const domainEn = DOMAIN_VOCABULARY.en;
