/**
 * `saksbord user add|passwd|disable|enable|list`: accounts, from the command line.
 *
 *   user add <username> --name "<display name>" --role <role> [--municipality molde,aukra] [--password-stdin]
 *   user passwd <username> [--password-stdin]
 *   user disable <username>     (signs the user out everywhere)
 *   user enable <username>
 *   user list
 *
 * Without --password-stdin a random password is made and printed once. Passwords are never
 * taken as arguments (they would end up in the shell history and the process list).
 */
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { defaultPasswordPolicy, passwordProblemText } from '@core/account/password-policy';
import { roleSchema } from '@core/rules';
import { recordAudit, systemActor } from '../audit/audit-log';
import { newPasswordProblems } from '../auth/password-check';
import { migrateToLatest, openDatabase } from '../db/database';
import {
  createUser,
  findUserByUsername,
  listUsers,
  setDisabled,
  setPassword,
} from '../users/user-store';
import { type CliCommand, type CliIo, CliUsageError, EXIT_FAILURE, EXIT_OK } from './cli-command';
import { databaseLocation, databaseOptions, parseOptions } from './server-cli-options';

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function obtainPassword(fromStdin: boolean, io: CliIo, username: string): Promise<string> {
  if (!fromStdin) {
    const password = randomBytes(18).toString('base64url');
    io.out(`password: ${password}`);
    return password;
  }
  const password = await readStdinLine();
  // The same policy as the Users screen (length over complexity, no common passwords).
  const problem = newPasswordProblems(password, defaultPasswordPolicy, username)[0];
  if (problem) throw new CliUsageError(passwordProblemText(problem.rule, problem.params, 'nn'));
  return password;
}

/** Who ran the command, for the audit log (the CLI has no signed-in user). */
function cliActor() {
  let who = 'unknown';
  try {
    who = userInfo().username;
  } catch {
    // no user database entry (a container): keep 'unknown'
  }
  return systemActor(`CLI (${who})`);
}

export function createUserCommand(): CliCommand {
  return {
    name: 'user',
    summary: 'user add|passwd|disable|enable|list [--data ./.data]  manage accounts',
    async run(args, io) {
      const { values, positionals } = parseOptions(args, {
        ...databaseOptions,
        name: { type: 'string' },
        role: { type: 'string' },
        municipality: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      });
      const [action, username] = positionals;
      const needsName = () => {
        if (!username) throw new CliUsageError(`user ${action} needs a username`);
        return username;
      };
      const handle = await openDatabase(databaseLocation(values));
      try {
        await migrateToLatest(handle);
        const db = handle.db;
        switch (action) {
          case 'add': {
            const name = needsName();
            const role = roleSchema.safeParse(values.role);
            if (!role.success) {
              throw new CliUsageError(`--role must be one of ${roleSchema.options.join(', ')}`);
            }
            if (await findUserByUsername(db, name)) {
              io.err(`user ${name} exists already`);
              return EXIT_FAILURE;
            }
            const municipalityIds =
              typeof values.municipality === 'string'
                ? values.municipality.split(',').filter(Boolean)
                : [];
            const password = await obtainPassword(values['password-stdin'] === true, io, name);
            const user = await createUser(
              db,
              {
                username: name,
                displayName: typeof values.name === 'string' ? values.name : name,
                role: role.data,
                municipalityIds,
                password,
              },
              new Date(),
            );
            await recordAudit(
              db,
              {
                actor: cliActor(),
                action: 'user.create',
                targetType: 'user',
                targetId: user.id,
                summary: `Created local account ${user.username} (${user.role}) with the CLI`,
                details: {
                  source: 'local',
                  username: user.username,
                  role: user.role,
                  municipalityIds: user.municipalityIds,
                },
              },
              new Date(),
            );
            io.out(`added ${user.username} (${user.role}) ${user.id}`);
            return EXIT_OK;
          }
          case 'passwd': {
            const name = needsName();
            const existing = await findUserByUsername(db, name);
            if (!existing) {
              io.err(`no user ${name}`);
              return EXIT_FAILURE;
            }
            const password = await obtainPassword(values['password-stdin'] === true, io, name);
            await setPassword(db, name, password);
            await recordAudit(
              db,
              {
                actor: cliActor(),
                action: 'user.password',
                targetType: 'user',
                targetId: existing.id,
                summary: `Reset the password of ${existing.username} with the CLI; signed out everywhere`,
                details: { reset: true },
              },
              new Date(),
            );
            io.out(`password changed for ${name}; signed out everywhere`);
            return EXIT_OK;
          }
          case 'disable':
          case 'enable': {
            const name = needsName();
            if (!(await setDisabled(db, name, action === 'disable'))) {
              io.err(`no user ${name}`);
              return EXIT_FAILURE;
            }
            const changed = await findUserByUsername(db, name);
            await recordAudit(
              db,
              {
                actor: cliActor(),
                action: action === 'disable' ? 'user.disable' : 'user.enable',
                targetType: 'user',
                targetId: changed?.id ?? null,
                summary: `${action === 'disable' ? 'Disabled' : 'Enabled'} ${name} with the CLI`,
                details: {},
              },
              new Date(),
            );
            io.out(`${name} ${action}d`);
            return EXIT_OK;
          }
          case 'list': {
            const users = await listUsers(db);
            for (const u of users) {
              io.out(
                [
                  u.username.padEnd(22),
                  u.role.padEnd(11),
                  (u.municipalityIds.join(',') || '-').padEnd(20),
                  u.disabled ? 'disabled' : 'active  ',
                  u.displayName,
                ].join(' '),
              );
            }
            return EXIT_OK;
          }
          default:
            throw new CliUsageError('usage: saksbord user add|passwd|disable|enable|list');
        }
      } finally {
        await handle.close();
      }
    },
  };
}
