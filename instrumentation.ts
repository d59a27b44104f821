// Runs once when the server starts: validates the environment so a bad variable stops the
// server at once, naming the variable, instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/env");
  }
}
