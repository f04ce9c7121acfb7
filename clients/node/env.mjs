// Shared by the client checks: the settings NodeClientsTest passes in the environment.

/** The value of environment variable `name`; exits with status 2 and names it when it is not set. */
export function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`set ${name}`);
    process.exit(2);
  }
  return value;
}
