import { randomBytes } from 'node:crypto';
import { AppError } from '../errors.js';
import { TOKEN_SCOPES, type ApiToken, type TokenScope } from '../store/accounts.js';
import { auditAs } from './audit.js';
import { can, sha256Hex } from './auth.js';
import type { Principal, ServiceContext } from './context.js';

/** Prefix of Vigil's API tokens, so that secret scanners and people can recognise one. */
export const TOKEN_PREFIX = 'vigil_';

type Ctx = Pick<ServiceContext, 'accounts' | 'now'>;

/**
 * Tokens are managed from a session, or with a token that has the `admin` scope: a leaked
 * read or write token cannot mint others.
 */
function requireTokenManagement(who: Principal): void {
  if (who.via === 'token' && !who.scopes?.includes('admin'))
    throw new AppError('forbidden', 403, 'managing tokens needs a session or a token with the admin scope');
}

/** A user's own tokens, or (admins) another user's. */
export async function listTokens(ctx: Ctx, who: Principal, username?: string): Promise<ApiToken[]> {
  const owner = username ?? who.username;
  if (owner !== who.username && !can(who.role, 'admin'))
    throw new AppError('forbidden', 403, "only admins see other users' tokens");
  return ctx.accounts.listTokens(owner);
}

/**
 * Create a token for oneself; the secret is returned once and only its hash is kept. Scopes
 * cannot exceed the user's role (`write` needs an analyst, `admin` an admin).
 */
export async function createToken(
  ctx: Ctx,
  who: Principal,
  input: { name: string; scopes: TokenScope[] },
): Promise<{ token: string; info: ApiToken }> {
  requireTokenManagement(who);
  const scopes = TOKEN_SCOPES.filter((s) => input.scopes.includes(s));
  if (scopes.length === 0) throw new AppError('invalid_scopes', 400, 'a token needs at least one scope');
  const beyond = scopes.filter((s) => !can(who.role, s));
  if (beyond.length > 0)
    throw new AppError(
      'forbidden',
      403,
      `a ${who.role} cannot create tokens with scope ${beyond.join(', ')}`,
    );
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const info: ApiToken = {
    id: randomBytes(8).toString('hex'),
    username: who.username,
    name: input.name,
    scopes,
    createdAt: ctx.now().toISOString(),
  };
  await ctx.accounts.createToken({ ...info, tokenHash: sha256Hex(token) });
  await auditAs(ctx, who, 'token.create', info.id, { name: info.name, scopes });
  return { token, info };
}

/** Revoke a token: one's own, or anyone's for an admin; others' tokens are `token_not_found`. */
export async function revokeToken(ctx: Ctx, who: Principal, id: string): Promise<void> {
  requireTokenManagement(who);
  const token = await ctx.accounts.getToken(id);
  if (!token || (token.username !== who.username && !can(who.role, 'admin')))
    throw new AppError('token_not_found', 404, `no token ${id}`);
  if (!(await ctx.accounts.revokeToken(id, ctx.now().toISOString())))
    throw new AppError('token_not_found', 404, `token ${id} is already revoked`);
  await auditAs(ctx, who, 'token.revoke', id, { owner: token.username });
}
