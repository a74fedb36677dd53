import { AppError } from '../errors.js';
import type { Role, User } from '../store/accounts.js';
import { auditAs } from './audit.js';
import { normalizeUsername, publicUser } from './auth.js';
import type { Principal, ServiceContext } from './context.js';
import { checkPasswordPolicy, hashPassword, randomPassword } from './passwords.js';

/** Login names: 2 to 64 lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** The account created on first run. */
export const FIRST_ADMIN = 'admin';

/** A new account as an admin asks for it. */
export interface CreateUserInput {
  username: string;
  password: string;
  role: Role;
  clearance: number;
}

/** Changes to an account as an admin asks for them. */
export interface UpdateUserInput {
  role?: Role;
  clearance?: number;
  disabled?: boolean;
  password?: string;
}

type Ctx = Pick<ServiceContext, 'accounts' | 'now'>;

/** Every account, by username. */
export function listUsers(ctx: Ctx): Promise<User[]> {
  return ctx.accounts.listUsers();
}

/**
 * Create an account (admins only: the route checks). The password was chosen by the admin, so
 * the user must change it at first login. A taken username is `user_exists` (409).
 */
export async function createUser(ctx: Ctx, by: Principal, input: CreateUserInput): Promise<User> {
  const username = normalizeUsername(input.username);
  if (!USERNAME_PATTERN.test(username))
    throw new AppError('invalid_username', 400, 'usernames are 2–64 letters, digits, ".", "_" or "-"');
  checkPasswordPolicy(input.password);
  const createdAt = ctx.now().toISOString();
  const created = await ctx.accounts.createUser({
    username,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    clearance: input.clearance,
    mustChangePassword: true,
    createdAt,
  });
  if (!created) throw new AppError('user_exists', 409, `there is already a user ${username}`);
  await auditAs(ctx, by, 'user.create', username, { role: input.role, clearance: input.clearance });
  return publicUser((await ctx.accounts.getUser(username))!);
}

/**
 * Change an account's role, clearance, state or password. A new password must be changed at the
 * next login; a new password or disabling ends the user's sessions. The last enabled admin cannot
 * be demoted or disabled (`last_admin`, 409), so that someone can always manage the accounts.
 */
export async function updateUser(
  ctx: Ctx,
  by: Principal,
  username: string,
  input: UpdateUserInput,
): Promise<User> {
  const name = normalizeUsername(username);
  const user = await ctx.accounts.getUser(name);
  if (!user) throw new AppError('user_not_found', 404, `no user ${name}`);
  const losesAdmin =
    user.role === 'admin' &&
    !user.disabled &&
    ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
  if (losesAdmin) {
    const admins = (await ctx.accounts.listUsers()).filter((u) => u.role === 'admin' && !u.disabled);
    if (admins.length <= 1)
      throw new AppError('last_admin', 409, `${name} is the last admin: make another admin first`);
  }
  if (input.password !== undefined) checkPasswordPolicy(input.password);
  await ctx.accounts.updateUser(name, {
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.clearance !== undefined ? { clearance: input.clearance } : {}),
    ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    ...(input.password !== undefined
      ? { passwordHash: await hashPassword(input.password), mustChangePassword: true }
      : {}),
    updatedAt: ctx.now().toISOString(),
  });
  if (input.password !== undefined || input.disabled === true) await ctx.accounts.deleteSessionsOf(name);
  const { password, ...changes } = input;
  await auditAs(ctx, by, 'user.update', name, {
    ...changes,
    ...(password !== undefined ? { password: 'reset' } : {}),
  });
  return publicUser((await ctx.accounts.getUser(name))!);
}

/**
 * On first run (no accounts at all), create the `admin` account with a random one-time password
 * that must be changed at first login, and return that password (to be shown once). Returns
 * undefined when there are accounts already.
 */
export async function ensureFirstAdmin(ctx: Ctx): Promise<string | undefined> {
  if ((await ctx.accounts.countUsers()) > 0) return undefined;
  const password = randomPassword();
  const at = ctx.now().toISOString();
  const created = await ctx.accounts.createUser({
    username: FIRST_ADMIN,
    passwordHash: await hashPassword(password),
    role: 'admin',
    clearance: 4,
    mustChangePassword: true,
    createdAt: at,
  });
  if (!created) return undefined;
  await ctx.accounts.appendAudit({
    at,
    action: 'user.create',
    target: FIRST_ADMIN,
    outcome: 'ok',
    detail: { firstRun: true },
  });
  return password;
}
