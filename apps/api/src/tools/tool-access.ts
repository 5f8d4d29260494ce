import { ForbiddenException } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';

export type ToolAccess = 'public' | 'local_authority';

/** What a reader without access is told about getting it. */
export const HOW_TO_GET_ACCESS =
  'This tool is for local authority staff only. Sign in with your council email address (and confirm it), or with your council’s single sign-on, to see it.';

/**
 * The one rule for local-authority-only tools, used by every route, search, socket topic, replay,
 * notification and export: verified members of a local authority, moderators and admins read them.
 */
export function canReadTool(user: Pick<AuthUser, 'roles' | 'localAuthorityStaff'> | null | undefined, tool: { access: ToolAccess }): boolean {
  if (tool.access === 'public') return true;
  if (!user) return false;
  return user.localAuthorityStaff || user.roles.includes('moderator') || user.roles.includes('admin');
}

export function assertCanReadTool(user: Pick<AuthUser, 'roles' | 'localAuthorityStaff'> | null | undefined, tool: { access: ToolAccess; name?: string }): void {
  if (!canReadTool(user, tool)) throw new ForbiddenException({ message: HOW_TO_GET_ACCESS });
}

/**
 * The same rule in SQL for queries that list or search tools: `$n` is the reader's "may read
 * local-authority-only tools" flag (canReadTool with a tool of that access). `alias` names the tools table.
 */
export function toolReadableSql(alias: string, param: string): string {
  return `(${alias}.access = 'public' OR ${param}::boolean)`;
}

/** The flag toolReadableSql takes. */
export function readsLocalAuthorityTools(user: Pick<AuthUser, 'roles' | 'localAuthorityStaff'> | null | undefined): boolean {
  return canReadTool(user, { access: 'local_authority' });
}
