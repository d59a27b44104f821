// Deterministic secrets for tests (never used outside tests).
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
process.env.ENCRYPTION_KEYS ??= "test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
process.env.POSTBACK_SIGNING_KEYS ??= "ptest1:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
process.env.LOG_LEVEL ??= "silent";
