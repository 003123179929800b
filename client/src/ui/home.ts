/**
 * Home: one sentence on the game and four choices — quick play, create a table (a preset,
 * advanced settings folded away), join by code, and under quick play watching a finished game
 * (all four in sight at 1280×720: a row of its own under the three put it below the edge).
 */
import "./watch.css";
import { api, type ScenarioSummary } from "../net/api.ts";
import { tokens } from "../net/tokens.ts";
import { TEXT } from "../text/index.ts";
import { REPLAY_TEXT } from "../text/replay.ts";
import { h, replace } from "./dom.ts";

const T = TEXT.home;
/** The home page's choice of preset for each purpose (scenario preset ids). */
const QUICK_PRESET = "friends";
/** Quick play is one person against bots: a short briefing, phases end when they are ready. */
const QUICK_TIMERS = {
  briefingSeconds: 600,
  negotiationSeconds: 1800,
  firstNegotiationSeconds: 1800,
  commitSeconds: 0,
};
const CODE = /^[A-Z0-9]{6}$/;

export function normaliseCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, "");
}

export async function showHome(root: HTMLElement, go: (code: string) => void): Promise<void> {
  document.title = TEXT.title;
  let scenarios: ScenarioSummary[];
  try {
    scenarios = await api.scenarios();
  } catch {
    replace(
      root,
      h(
        "main",
        { class: "home" },
        h("h1", {}, TEXT.title),
        h("p", { class: "error", role: "alert" }, T.loadFailed),
      ),
    );
    return;
  }
  const first = scenarios[0];
  replace(
    root,
    h(
      "main",
      { class: "home" },
      h("header", {}, h("h1", {}, TEXT.title), h("p", { class: "tagline" }, TEXT.tagline)),
      h(
        "div",
        { class: "choices" },
        quickCard(first, go),
        createCard(scenarios, go),
        joinCard(go),
        watchCard(),
      ),
    ),
  );
}

function errorLine(id: string): HTMLParagraphElement {
  return h("p", { class: "error", id, role: "status", "aria-live": "polite" });
}

function quickCard(scenario: ScenarioSummary | undefined, go: (code: string) => void): HTMLElement {
  const error = errorLine("quick-error");
  const button = h("button", { class: "primary", type: "button", id: "quick-play" }, T.quickButton);
  button.addEventListener("click", async () => {
    button.disabled = true;
    error.textContent = T.working;
    try {
      const made = await api.create({
        scenario: scenario?.id,
        preset: scenario?.presets.some((p) => p.id === QUICK_PRESET) ? QUICK_PRESET : undefined,
        timers: QUICK_TIMERS,
      });
      tokens.setHost(made.code, made.hostToken);
      tokens.setQuick(made.code);
      go(made.code);
    } catch (err) {
      error.textContent = T.failed((err as Error).message);
      button.disabled = false;
    }
  });
  return h(
    "section",
    { class: "card quick", "aria-labelledby": "quick-title" },
    h("h2", { id: "quick-title" }, T.quickTitle),
    h("p", { class: "muted" }, T.quickBody),
    button,
    error,
  );
}

function createCard(scenarios: ScenarioSummary[], go: (code: string) => void): HTMLElement {
  const error = errorLine("create-error");
  const scenarioSelect = h(
    "select",
    { id: "create-scenario", name: "scenario" },
    ...scenarios.map((s) => h("option", { value: s.id }, s.name)),
  );
  const presetBox = h("fieldset", { class: "presets" });
  const advanced = h("div", {});
  const years = h("input", {
    id: "create-years",
    type: "number",
    min: 1,
    max: 20,
    inputmode: "numeric",
  });
  const readsChat = h("input", { id: "create-reads-chat", type: "checkbox" });

  const current = () => scenarios.find((s) => s.id === scenarioSelect.value) ?? scenarios[0];
  // an empty "years" plays the chosen length's: the field shows how many that is
  const showPresetYears = () => {
    const chosen = presetBox.querySelector<HTMLInputElement>("input[name=preset]:checked");
    const p = current()?.presets.find((x) => x.id === chosen?.value);
    years.placeholder = p ? String(p.years) : "";
  };
  presetBox.addEventListener("change", showPresetYears);
  const fill = () => {
    const s = current();
    if (!s) return;
    replace(
      presetBox,
      h("legend", {}, T.preset),
      ...s.presets.map((p) =>
        h(
          "label",
          { class: "preset" },
          h("input", {
            type: "radio",
            name: "preset",
            value: p.id,
            checked: p.id === s.defaultPreset,
          }),
          T.presetChoice(p.label, p.years),
        ),
      ),
    );
    showPresetYears();
    const optional = s.roles.filter((r) => r.optional);
    replace(
      advanced,
      optional.length
        ? h(
            "fieldset",
            { class: "presets" },
            h("legend", {}, T.optionalRoles),
            ...optional.map((r) =>
              h(
                "label",
                { class: "check" },
                h("input", {
                  type: "checkbox",
                  name: "role",
                  value: r.id,
                  checked: r.defaultIncluded,
                }),
                r.name,
              ),
            ),
          )
        : null,
    );
  };
  scenarioSelect.addEventListener("change", fill);
  fill();

  const form = h(
    "form",
    { id: "create-form", "aria-labelledby": "create-title" },
    h(
      "div",
      { class: "field" },
      h("label", { for: "create-scenario" }, T.scenario),
      scenarioSelect,
    ),
    presetBox,
    h(
      "details",
      {},
      h("summary", {}, T.advanced),
      h("div", { class: "field" }, h("label", { for: "create-years" }, T.years), years),
      advanced,
      h("label", { class: "check" }, readsChat, T.readsChat),
    ),
    h("button", { class: "primary", type: "submit", id: "create-table" }, T.createButton),
    error,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const s = current();
    const data = new FormData(form);
    const preset = String(data.get("preset") ?? s?.defaultPreset ?? "");
    const optional = new Set(s?.roles.filter((r) => r.optional).map((r) => r.id));
    const roles = (s?.roles ?? [])
      .map((r) => r.id)
      .filter((id) => !optional.has(id) || data.getAll("role").includes(id));
    const submit = form.querySelector("button[type=submit]") as HTMLButtonElement;
    submit.disabled = true;
    error.textContent = T.working;
    try {
      const made = await api.create({
        scenario: s?.id,
        preset,
        roles,
        ...(years.value ? { years: Number(years.value) } : {}),
        facilitatorReadsChat: readsChat.checked,
      });
      tokens.setHost(made.code, made.hostToken);
      tokens.setJoinUrl(made.code, made.joinUrl);
      go(made.code);
    } catch (err) {
      error.textContent = T.failed((err as Error).message);
      submit.disabled = false;
    }
  });
  return h(
    "section",
    { class: "card create", "aria-labelledby": "create-title" },
    h("h2", { id: "create-title" }, T.createTitle),
    h("p", { class: "muted" }, T.createBody),
    form,
  );
}

/** A field for a table code (typed in capitals, no spellcheck: codes are not words). */
function codeInput(id: string, name: string, describedBy: string): HTMLInputElement {
  return h("input", {
    id,
    class: "code-input",
    name,
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    maxlength: 9,
    "aria-describedby": describedBy,
  }) as HTMLInputElement;
}

/** The code typed in `input`, tidied; or null, with the reason in `error` and focus back on it. */
function readCode(input: HTMLInputElement, error: HTMLElement): string | null {
  const code = normaliseCode(input.value);
  if (CODE.test(code)) return code;
  error.textContent = T.badCode;
  input.focus();
  return null;
}

function joinCard(go: (code: string) => void): HTMLElement {
  const error = errorLine("join-error");
  const input = codeInput("join-code", "code", "join-error");
  const form = h(
    "form",
    { id: "join-form" },
    h("div", { class: "field" }, h("label", { for: "join-code" }, T.joinCode), input),
    h("button", { class: "primary", type: "submit", id: "join-table" }, T.joinButton),
    error,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const code = readCode(input, error);
    if (code === null) return;
    try {
      await api.game(code);
      go(code);
    } catch {
      error.textContent = T.unknownCode;
      input.focus();
    }
  });
  return h(
    "section",
    { class: "card join", "aria-labelledby": "join-title" },
    h("h2", { id: "join-title" }, T.joinTitle),
    h("p", { class: "muted" }, T.joinBody),
    form,
  );
}

/**
 * A finished game's replay by its code: a plain link to /?replay=CODE (the replay page itself
 * says when the code is unknown or the game still runs, as the export answers 404 or 403).
 */
function watchCard(): HTMLElement {
  const W = REPLAY_TEXT;
  const error = errorLine("watch-error");
  const input = codeInput("watch-code", "replay", "watch-help watch-error");
  const form = h(
    "form",
    { id: "watch-form", class: "watch-form", action: "/", method: "get" },
    h("div", { class: "field" }, h("label", { for: "watch-code" }, W.watchCode), input),
    h("button", { type: "submit", id: "watch-game" }, W.watchButton),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const code = readCode(input, error);
    if (code === null) return;
    location.assign(`/?replay=${encodeURIComponent(code)}`);
  });
  return h(
    "section",
    { class: "card watch", "aria-labelledby": "watch-title" },
    h(
      "div",
      {},
      h("h2", { id: "watch-title" }, W.watchHome),
      h("p", { class: "muted", id: "watch-help" }, W.watchBody),
    ),
    form,
    error,
  );
}
