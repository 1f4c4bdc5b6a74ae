import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { userInfo } from 'node:os'
import path from 'node:path'
import type { ImapUser } from './imap.ts'

/** The system account dovecot's own processes and the mailboxes run as. */
export interface DovecotAccount {
  internalUser: string
  internalGroup: string
  loginUser: string
  uid: number
  gid: number
}

/** Debian's `dovecot-imapd` puts the binary in /usr/sbin, which is not on a normal user's PATH. */
export function dovecotBinary(): string {
  for (const candidate of ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot']) {
    if (existsSync(candidate)) return candidate
  }
  return 'dovecot'
}

/**
 * As root, dovecot refuses to run its internal and login processes or to store mail as root: they run as
 * the `dovecot` and `dovenull` accounts the Debian package creates, and the mailboxes belong to `dovecot`.
 * As any other user everything runs as that user.
 */
export async function dovecotAccount(): Promise<DovecotAccount> {
  const groups = await readFile('/etc/group', 'utf8').catch(() => '')
  const groupName = (gid: number) =>
    groups
      .split('\n')
      .find((line) => line.split(':')[2] === String(gid))
      ?.split(':')[0]
  if (process.getuid?.() !== 0) {
    const me = userInfo()
    const group = groupName(me.gid)
    if (!group) throw new Error(`dovecot needs a name for group ${me.gid}: it is not in /etc/group`)
    return {
      internalUser: me.username,
      internalGroup: group,
      loginUser: me.username,
      uid: me.uid,
      gid: me.gid,
    }
  }
  const passwd = await readFile('/etc/passwd', 'utf8')
  const entry = (name: string) => passwd.split('\n').find((line) => line.startsWith(`${name}:`))
  const dovecot = entry('dovecot')
  if (!dovecot || !entry('dovenull')) {
    throw new Error('the dovecot and dovenull accounts are missing: apt-get install -y dovecot-imapd')
  }
  const [, , uid, gid] = dovecot.split(':').map(Number)
  return {
    internalUser: 'dovecot',
    internalGroup: groupName(gid!) ?? 'dovecot',
    loginUser: 'dovenull',
    uid: uid!,
    gid: gid!,
  }
}

/** Folder layout under an instance's temp dir. */
export function dovecotPaths(dir: string) {
  return {
    config: path.join(dir, 'dovecot.conf'),
    users: path.join(dir, 'users'),
    log: path.join(dir, 'dovecot.log'),
    baseDir: path.join(dir, 'run'),
    stateDir: path.join(dir, 'state'),
    home: (user: string) => path.join(dir, 'home', user),
  }
}

/** The passwd-file both passdb and userdb read: `user:{PLAIN}password:uid:gid::home::`. */
export function passwdFile(dir: string, users: ImapUser[], account: DovecotAccount): string {
  const paths = dovecotPaths(dir)
  return users
    .map(({ user, password }) => {
      for (const value of [user, password]) {
        if (/[:\r\n]/.test(value))
          throw new Error(`IMAP user names and passwords cannot contain ":" or newlines`)
      }
      if (user.includes('/') || user === '' || user.startsWith('.'))
        throw new Error(`bad IMAP user name ${user}`)
      return `${user}:{PLAIN}${password}:${account.uid}:${account.gid}::${paths.home(user)}::\n`
    })
    .join('')
}

/**
 * A complete dovecot 2.3 configuration (Debian 12's version) that reads nothing from /etc/dovecot: IMAP
 * only, on 127.0.0.1:<port>, no TLS, plaintext logins, Maildir in each user's home under the temp dir,
 * and its own base_dir and state_dir so several instances run side by side.
 */
export function dovecotConfig(dir: string, port: number, account: DovecotAccount): string {
  const paths = dovecotPaths(dir)
  // Only root may chroot(); as another user the login and anvil processes run unchrooted.
  const chroot = process.getuid?.() === 0 ? '' : '\n  chroot ='
  return `# Written by @mejabantu/mail-servers for one test instance.
base_dir = ${paths.baseDir}
state_dir = ${paths.stateDir}
instance_name = mejabantu-imap-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
auth_verbose = yes
login_trusted_networks = 127.0.0.0/8
log_path = ${paths.log}
default_internal_user = ${account.internalUser}
default_internal_group = ${account.internalGroup}
default_login_user = ${account.loginUser}
first_valid_uid = ${account.uid}
last_valid_uid = 0
first_valid_gid = ${account.gid}
last_valid_gid = 0
mail_location = maildir:~/Maildir
mail_fsync = never

namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
}

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${paths.users}
}
userdb {
  driver = passwd-file
  args = username_format=%u ${paths.users}
}

protocol imap {
  mail_max_userip_connections = 1000
}

# No auth penalty: after a failed login dovecot otherwise delays every login from 127.0.0.1 by up to 15 s,
# and tests do try wrong passwords. The auth process cannot open a mode 0 socket, which turns it off.
service anvil {${chroot}
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}

service imap-login {${chroot}
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service imap-urlauth-login {${chroot}
}
`
}
