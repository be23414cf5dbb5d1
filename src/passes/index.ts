import { applyConfig } from './apply-config.ts';
import type { Pass } from './pass.ts';
import { removeIdentity } from './remove-identity.ts';

/** The default flow, in order (printed by `convert --verbose`). */
export const PASSES: readonly Pass[] = [applyConfig, removeIdentity];
