/**
 * Finds passwords embedded in log-on steps of scripts (user data, cloud-init,
 * SSM documents). A value read at run time (`$VAR`, `$(aws ssm ...)`,
 * `{{resolve:...}}`) is not embedded; only a literal after the marker counts.
 */

export interface EmbeddedPassword {
  /** What embeds it, named for the message: `chpasswd`, `Winlogon DefaultPassword`. */
  step: string;
  /** 1-based line within the script. */
  line: number;
}

interface StepPattern {
  step: string;
  /** Captures the value in group 1. */
  pattern: RegExp;
}

const STEPS: readonly StepPattern[] = [
  { step: 'Winlogon DefaultPassword', pattern: /DefaultPassword\b["']?\s*(?:-Value|\/d|=|,)\s*["']?([^"'\s]+)/i },
  { step: 'chpasswd', pattern: /echo\s+["']?[\w.-]+:([^"'\s|]+)["']?\s*\|\s*(?:sudo\s+)?chpasswd/i },
  { step: 'passwd --stdin', pattern: /echo\s+["']?([^"'\s|]+)["']?\s*\|\s*(?:sudo\s+)?passwd\s+--stdin/i },
  { step: 'sshpass -p', pattern: /sshpass\s+-p\s*["']?([^"'\s]+)/ },
  { step: 'command-line --password', pattern: /--password[= ]["']?([^"'\s]+)/ },
  { step: 'PGPASSWORD or MYSQL_PWD', pattern: /\b(?:PGPASSWORD|MYSQL_PWD)=["']?([^"'\s;]+)/ },
  { step: 'ConvertTo-SecureString -AsPlainText', pattern: /ConvertTo-SecureString\s+(?:-String\s+)?["']([^"']+)["']\s+-AsPlainText/i },
  { step: 'net user', pattern: /\bnet\s+user\s+\S+\s+([^\s/*]+)(?:\s|$)/i },
  { step: 'cloud-init password', pattern: /^\s*(?:-\s*)?(?:plain_text_passwd|password|passwd)\s*:\s*["']?([^"'\s#]+)/ },
];

/** A value that is read when the script runs rather than written into it. */
function readAtRunTime(value: string): boolean {
  return /^[$%{]|^\{\{|^\(/.test(value) || value === '*';
}

/** Every embedded password in `script`, at most one per line. */
export function findEmbeddedPasswords(script: string): EmbeddedPassword[] {
  const found: EmbeddedPassword[] = [];
  script.split(/\r?\n/).forEach((text, index) => {
    for (const { step, pattern } of STEPS) {
      const value = pattern.exec(text)?.[1];
      if (value === undefined || readAtRunTime(value)) continue;
      found.push({ step, line: index + 1 });
      return;
    }
  });
  return found;
}
