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
import { roleSchema } from '@core/rules';
import { minPasswordLength } from '../auth/passwords';
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

async function obtainPassword(fromStdin: boolean, io: CliIo): Promise<string> {
  if (!fromStdin) {
    const password = randomBytes(12).toString('base64url');
    io.out(`password: ${password}`);
    return password;
  }
  const password = await readStdinLine();
  if (password.length < minPasswordLength) {
    throw new CliUsageError(`the password must have at least ${minPasswordLength} characters`);
  }
  return password;
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
            const password = await obtainPassword(values['password-stdin'] === true, io);
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
            io.out(`added ${user.username} (${user.role}) ${user.id}`);
            return EXIT_OK;
          }
          case 'passwd': {
            const name = needsName();
            if (!(await findUserByUsername(db, name))) {
              io.err(`no user ${name}`);
              return EXIT_FAILURE;
            }
            const password = await obtainPassword(values['password-stdin'] === true, io);
            await setPassword(db, name, password);
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
