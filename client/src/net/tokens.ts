/**
 * What the browser remembers per table: the seat token (to rejoin the same seat after a reload)
 * and, for the table's creator, the host token and share link. localStorage, keyed by code.
 */
const KEY = "orbital-ties:";

function get(key: string): string | null {
  try {
    return localStorage.getItem(KEY + key);
  } catch {
    return null; // storage blocked (private mode): the player just cannot rejoin by token
  }
}

function set(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(KEY + key);
    else localStorage.setItem(KEY + key, value);
  } catch {
    // storage blocked: nothing to remember
  }
}

export const tokens = {
  seat: (code: string) => get(code),
  setSeat: (code: string, token: string | null) => set(code, token),
  host: (code: string) => get(`host:${code}`),
  setHost: (code: string, token: string) => set(`host:${code}`, token),
  joinUrl: (code: string) => get(`url:${code}`),
  setJoinUrl: (code: string, url: string) => set(`url:${code}`, url),
  /** Quick play: the table was made for one person against bots (start as soon as seated). */
  quick: (code: string) => get(`quick:${code}`) === "1",
  setQuick: (code: string) => set(`quick:${code}`, "1"),
  name: () => get("name"),
  setName: (name: string) => set("name", name),
};
