import { weakPasswordReason } from './password-strength';

describe('password strength (zxcvbn with the common and English dictionaries)', () => {
  it.each(['password12', 'Password1!', 'qwerty1234', 'letmein12345', 'password123', 'aaaaaaaaaaaa', 'iloveyou2024'])('refuses %s', async (p) => {
    expect(await weakPasswordReason(p)).toMatch(/^Password is too easy to guess: /);
  });

  it.each(['a sensible passphrase', 'sunflower-kettle-42', 'correct horse battery staple'])('accepts %s', async (p) => {
    expect(await weakPasswordReason(p)).toBeNull();
  });

  it('counts the person’s own email and name as guessable', async () => {
    expect(await weakPasswordReason('okonkwohemsworth')).toBeNull();
    expect(await weakPasswordReason('okonkwohemsworth', ['okonkwo.hemsworth@example.org', 'Ada Okonkwo'])).not.toBeNull();
  });
});
