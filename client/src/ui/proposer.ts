/**
 * The proposal builder: partners, terms of every kind, years and a note, with the engine's
 * own check and preview (shared/rules/legal.ts previewProposal) as the form changes, so a
 * proposal that would be refused says why before it is sent.
 */
import { previewProposal } from "../../../shared/rules/legal.ts";
import { PLEDGE_ORDERS } from "../../../shared/rules/schemas.ts";
import type {
  ContractCondition,
  PledgeCheck,
  Proposal,
  Term,
} from "../../../shared/rules/types.ts";
import type { PlayerView } from "../../../shared/rules/view.ts";
import { TERM_KINDS, type TermKind } from "../../../shared/scenario/schema.ts";
import type { Table } from "../state/table.ts";
import { CONDITION_TEXT as C, type CheckOp, type ConditionKind } from "../text/conditions.ts";
import { REJECTION_TEXT, TEXT } from "../text/index.ts";
import { type FieldName, BUILDER_TEXT as T, TERM_FIELDS } from "../text/terms.ts";
import { h, replace } from "./dom.ts";
import { notify } from "./notices.ts";

interface Draft {
  kind: TermKind;
  values: Record<string, string | number>;
}

const CONDITION_KINDS: readonly ConditionKind[] = ["minFlights", "noSeatsTo", "maxListPrice"];
const CHECK_OPS: readonly CheckOp[] = ["<=", ">=", "=="];

/** A contract's condition from a draft row's condKind / condValue. */
function conditionOf(v: Draft["values"]): ContractCondition | null {
  switch (v.condKind) {
    case "minFlights":
      return { kind: "minFlights", flights: Number(v.condValue ?? 0) };
    case "noSeatsTo":
      return { kind: "noSeatsTo", role: String(v.condValue ?? "") };
    case "maxListPrice":
      return { kind: "maxListPrice", price: Number(v.condValue ?? 0) };
    default:
      return null;
  }
}

/** What a checkable order's value is: a level's name, yes or no, or a number. */
function checkValueOf(order: string, raw: string | number | undefined): PledgeCheck["value"] {
  if (order === "roleLevel") return String(raw ?? "full");
  if (order === "covertSale") return raw === "true";
  return Number(raw ?? 0);
}

/** A pledge's check from a draft row's checkOrder / checkOp / checkValue. */
function checkOf(v: Draft["values"]): PledgeCheck | null {
  const order = PLEDGE_ORDERS.find((o) => o === v.checkOrder);
  if (!order) return null;
  const op = CHECK_OPS.find((o) => o === v.checkOp) ?? "<=";
  return { order, op, value: checkValueOf(order, v.checkValue) };
}

/** A term from a draft row, in the shape the engine checks. */
function termOf(d: Draft): Term {
  const v = d.values;
  const role = (k: string) => String(v[k] ?? "");
  const num = (k: string) => Number(v[k] ?? 0);
  switch (d.kind) {
    case "seatSale":
      return {
        kind: "seatSale",
        provider: role("provider"),
        buyer: role("buyer"),
        seats: num("seats"),
        price: num("price"),
      };
    case "seatSwap":
      return { kind: "seatSwap", a: role("a"), b: role("b"), seats: num("seats") };
    case "subsidy":
      return {
        kind: "subsidy",
        payer: role("payer"),
        beneficiary: role("beneficiary"),
        perSeat: num("perSeat"),
      };
    case "contract":
      return {
        kind: "contract",
        state: role("state"),
        company: role("company"),
        value: num("value"),
        condition: conditionOf(v),
      };
    case "techTransfer":
      return {
        kind: "techTransfer",
        provider: role("provider"),
        recipient: role("recipient"),
        points: num("points"),
        price: num("price"),
      };
    case "pledge":
      return { kind: "pledge", by: role("by"), text: String(v.text ?? ""), check: checkOf(v) };
  }
}

/** A draft row holding a term's values (a counter-proposal starts from the terms it answers). */
function draftOf(t: Term): Draft {
  const values: Record<string, string | number> = {};
  const fields = t as unknown as Record<string, unknown>;
  for (const f of TERM_FIELDS[t.kind]) {
    const x = fields[f.key];
    if (typeof x === "string" || typeof x === "number") values[f.key] = x;
  }
  if (t.kind === "contract" && t.condition) {
    const c = t.condition;
    values.condKind = c.kind;
    values.condValue =
      c.kind === "minFlights" ? c.flights : c.kind === "noSeatsTo" ? c.role : c.price;
  }
  if (t.kind === "pledge" && t.check) {
    values.checkOrder = t.check.order;
    values.checkOp = t.check.op;
    values.checkValue = String(t.check.value);
  }
  return { kind: t.kind, values };
}

export interface ProposerPanel {
  el: HTMLElement;
  update: (v: PlayerView) => void;
  /** Loads `p`'s parties and terms as a counter-proposal to it, and moves the focus there. */
  counter: (p: Proposal) => void;
}

export function proposerPanel(table: Table): ProposerPanel {
  const el = h("section", {
    class: "proposer",
    id: "proposer",
    "aria-labelledby": "proposer-title",
  });
  const partnersBox = h("fieldset", { class: "partners" });
  const termsBox = h("div", { class: "draft-terms" });
  const kindSelect = h(
    "select",
    { id: "term-kind" },
    ...TERM_KINDS.map((k) => h("option", { value: k }, T.kinds[k])),
  );
  const addButton = h("button", { type: "button", id: "add-term" }, T.add);
  const years = h("input", {
    id: "proposal-years",
    type: "number",
    min: 1,
    max: table.scenario.orders.maxDealYears,
    value: 1,
    inputmode: "numeric",
  });
  const note = h("input", { id: "proposal-note", maxlength: 280, autocomplete: "off" });
  const preview = h("p", { class: "preview", id: "proposal-preview", "aria-live": "polite" });
  const send = h("button", { type: "submit", class: "primary", id: "send-proposal" }, T.send);
  const form = h(
    "form",
    { id: "proposal-form", "aria-describedby": "proposal-preview" },
    partnersBox,
    termsBox,
    h(
      "div",
      { class: "field add-term" },
      h("label", { for: "term-kind" }, T.kind),
      h("div", { class: "row" }, kindSelect, addButton),
    ),
    h("div", { class: "field" }, h("label", { for: "proposal-years" }, T.years), years),
    h("div", { class: "field" }, h("label", { for: "proposal-note" }, T.note), note),
    preview,
    send,
  );
  const title = h("h2", { id: "proposer-title", tabindex: -1 }, T.heading);
  const counterLine = h("p", { class: "countering", id: "countering" });
  const cancelCounter = h(
    "button",
    { type: "button", class: "link-button", id: "cancel-counter" },
    T.cancelCounter,
  );
  const counterBox = h("div", { class: "counter-box" }, counterLine, cancelCounter);
  counterBox.hidden = true;
  replace(el, title, counterBox, form);

  let view: PlayerView | null = null;
  let drafts: Draft[] = [];
  let partners: string[] = [];
  let seatsKey = "";
  /** The proposal this draft counters, or null for a fresh proposal. */
  let replacing: string | null = null;

  const setCounter = (p: Proposal | null) => {
    replacing = p?.id ?? null;
    counterBox.hidden = !p;
    title.textContent = p ? T.counterTitle : T.heading;
    counterLine.textContent = p ? T.countering(name(p.from)) : "";
  };
  cancelCounter.addEventListener("click", () => {
    setCounter(null);
    drafts = [];
    renderTerms();
    title.focus();
  });

  const name = (r: string) => view?.seats[r]?.name ?? r;
  const parties = () => (view ? [view.viewer.seat, ...partners] : []);

  const refreshPreview = (): boolean => {
    if (!view) return false;
    if (drafts.length === 0 || partners.length === 0) {
      preview.textContent = T.incomplete;
      return false;
    }
    const p = previewProposal(
      view,
      table.scenario,
      parties(),
      drafts.map(termOf),
      Number(years.value),
    );
    if (!p.ok) {
      preview.textContent = `${REJECTION_TEXT[p.code as keyof typeof REJECTION_TEXT] ?? p.code} ${p.detail}`;
      return false;
    }
    preview.textContent = Object.entries(p.parties)
      .map(([r, x]) => T.effect(name(r), x.pays, x.receives, x.crewFlown))
      .join(" ");
    return true;
  };

  const renderTerms = () => {
    const roles = parties();
    replace(
      termsBox,
      ...drafts.map((d, i) => {
        const fields: HTMLElement[] = TERM_FIELDS[d.kind].map((f) => field(d, i, f, roles));
        if (d.kind === "contract") fields.push(conditionFields(d, i));
        if (d.kind === "pledge") fields.push(checkFields(d, i));
        const remove = h(
          "button",
          { type: "button", class: "link-button" },
          T.remove(T.kinds[d.kind]),
        );
        remove.addEventListener("click", () => {
          drafts = drafts.filter((x) => x !== d);
          renderTerms();
        });
        return h(
          "fieldset",
          { class: "draft-term", "data-kind": d.kind },
          h("legend", {}, T.kinds[d.kind]),
          ...fields,
          remove,
        );
      }),
    );
    refreshPreview();
  };

  /** A select of `options` ([value, label]) bound to `d.values[key]`; a change redraws the terms. */
  const choice = (
    d: Draft,
    id: string,
    key: string,
    label: string,
    options: [string, string][],
  ): HTMLElement => {
    const current = String(d.values[key] ?? "");
    if (!options.some(([v]) => v === current)) d.values[key] = options[0]?.[0] ?? "";
    const select = h(
      "select",
      { id },
      ...options.map(([v, text]) => h("option", { value: v, selected: v === d.values[key] }, text)),
    );
    select.addEventListener("change", () => {
      d.values[key] = select.value;
      renderTerms();
      document.getElementById(id)?.focus();
    });
    return h("div", { class: "field" }, h("label", { for: id }, label), select);
  };

  /** A number input bound to `d.values[key]`, checked by the preview as it changes. */
  const amount = (d: Draft, id: string, key: string, label: string): HTMLElement => {
    const input = h("input", {
      id,
      type: "number",
      min: 0,
      step: 1,
      inputmode: "numeric",
      value: String(d.values[key] ?? 0),
    });
    input.addEventListener("input", () => {
      d.values[key] = Number(input.value);
      refreshPreview();
    });
    return h("div", { class: "field" }, h("label", { for: id }, label), input);
  };

  /** A contract's optional condition: its kind, then the flights, the seat or the price. */
  const conditionFields = (d: Draft, i: number): HTMLElement => {
    const id = `term-${i}-condition`;
    const parts = [
      choice(d, `${id}-kind`, "condKind", C.condition, [
        ["", C.none],
        ...CONDITION_KINDS.map((k): [string, string] => [k, C.kinds[k]]),
      ]),
    ];
    const kind = CONDITION_KINDS.find((k) => k === d.values.condKind);
    if (kind === "noSeatsTo") {
      const seats = (view?.order ?? []).filter((r) => r !== d.values.company);
      parts.push(
        choice(
          d,
          `${id}-value`,
          "condValue",
          C.value.noSeatsTo,
          seats.map((r) => [r, name(r)]),
        ),
      );
    } else if (kind) {
      if (typeof d.values.condValue !== "number")
        d.values.condValue = kind === "minFlights" ? 1 : 50;
      parts.push(amount(d, `${id}-value`, "condValue", C.value[kind]));
    }
    return h("div", { class: "term-extra" }, ...parts);
  };

  /** A pledge's optional check: one of the pledging seat's orders, at most / least / exactly. */
  const checkFields = (d: Draft, i: number): HTMLElement => {
    const id = `term-${i}-check`;
    const orders = table.scenario.roles[String(d.values.by)]?.orders ?? [];
    const checkable = PLEDGE_ORDERS.filter((o) => orders.includes(o));
    const parts = [
      choice(d, `${id}-order`, "checkOrder", C.check, [
        ["", C.checkNone],
        ...checkable.map((o): [string, string] => [o, table.scenario.orderText[o]?.label ?? o]),
      ]),
    ];
    const order = checkable.find((o) => o === d.values.checkOrder);
    if (order) {
      const named = order === "roleLevel" || order === "covertSale";
      parts.push(
        choice(
          d,
          `${id}-op`,
          "checkOp",
          C.checkOp,
          (named ? (["=="] as const) : CHECK_OPS).map((o): [string, string] => [o, C.ops[o]]),
        ),
      );
      if (order === "roleLevel")
        parts.push(
          choice(d, `${id}-value`, "checkValue", C.checkValue, [
            ["full", TEXT.orderValues.named.full ?? "full"],
            ["reduced", TEXT.orderValues.named.reduced ?? "reduced"],
          ]),
        );
      else if (order === "covertSale")
        parts.push(
          choice(d, `${id}-value`, "checkValue", C.checkValue, [
            ["false", TEXT.orderValues.no],
            ["true", TEXT.orderValues.yes],
          ]),
        );
      else {
        if (typeof d.values.checkValue !== "number") d.values.checkValue = 0;
        parts.push(amount(d, `${id}-value`, "checkValue", C.checkValue));
      }
      parts.push(h("p", { class: "muted" }, C.hint));
    }
    return h("div", { class: "term-extra" }, ...parts);
  };

  const field = (d: Draft, i: number, f: { key: string; type: FieldName }, roles: string[]) => {
    const id = `term-${i}-${f.key}`;
    let input: HTMLInputElement | HTMLSelectElement;
    if (f.type === "role") {
      if (!roles.includes(String(d.values[f.key]))) d.values[f.key] = roles[0] ?? "";
      input = h(
        "select",
        { id },
        ...roles.map((r) => h("option", { value: r, selected: r === d.values[f.key] }, name(r))),
      );
    } else if (f.type === "text") {
      input = h("input", { id, maxlength: 280, value: String(d.values[f.key] ?? "") });
    } else {
      input = h("input", {
        id,
        type: "number",
        min: 0,
        step: 1,
        inputmode: "numeric",
        value: String(d.values[f.key] ?? 0),
      });
    }
    input.addEventListener("input", () => {
      d.values[f.key] = f.type === "number" ? Number(input.value) : input.value;
      refreshPreview();
    });
    input.addEventListener("change", () => {
      // the pledging seat's orders and the contract's company decide the extra fields
      if (
        (d.kind === "pledge" && f.key === "by") ||
        (d.kind === "contract" && f.key === "company")
      ) {
        renderTerms();
        document.getElementById(id)?.focus();
      } else refreshPreview();
    });
    return h("div", { class: "field" }, h("label", { for: id }, T.fields[f.key] ?? f.key), input);
  };

  addButton.addEventListener("click", () => {
    const kind = kindSelect.value as TermKind;
    const values: Record<string, string | number> = {};
    for (const f of TERM_FIELDS[kind])
      values[f.key] = f.type === "number" ? (T.defaults[f.key] ?? 1) : "";
    // roles default to the parties in order: me first, then the partners
    const roles = parties();
    TERM_FIELDS[kind]
      .filter((f) => f.type === "role")
      .forEach((f, n) => {
        values[f.key] = roles[n % Math.max(1, roles.length)] ?? "";
      });
    drafts.push({ kind, values });
    renderTerms();
    termsBox
      .querySelector<HTMLElement>(`fieldset:last-child select, fieldset:last-child input`)
      ?.focus();
  });
  years.addEventListener("input", () => refreshPreview());

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!refreshPreview()) return;
    send.disabled = true;
    const reply = await table.send("propose", {
      parties: parties(),
      terms: drafts.map(termOf),
      years: Number(years.value),
      note: note.value.trim(),
      replaces: replacing,
    });
    send.disabled = false;
    if (reply.ok) {
      setCounter(null);
      drafts = [];
      note.value = "";
      renderTerms();
      notify(T.sent);
    } else preview.textContent = REJECTION_TEXT[reply.code];
  });

  const update = (v: PlayerView) => {
    view = v;
    const me = v.viewer.seat;
    el.hidden = !me || v.phase !== "negotiation";
    // the proposal countered closed meanwhile (withdrawn, accepted by all, expired)
    if (replacing && v.proposals[replacing]?.status !== "open") setCounter(null);
    const others = v.order.filter((r) => r !== me);
    const key = others.join(",");
    drawPartners(key, others);
  };

  const drawPartners = (key: string, others: string[]) => {
    if (key !== seatsKey) {
      seatsKey = key;
      partners = partners.filter((p) => others.includes(p));
      replace(
        partnersBox,
        h("legend", {}, T.partners),
        ...others.map((r) => {
          const box = h("input", {
            type: "checkbox",
            id: `partner-${r}`,
            value: r,
            checked: partners.includes(r),
          });
          box.addEventListener("change", () => {
            partners = others.filter((o) => (o === r ? box.checked : partners.includes(o)));
            renderTerms();
          });
          return h("label", { class: "check", for: `partner-${r}` }, box, name(r));
        }),
      );
    }
  };
  const counter = (p: Proposal) => {
    const v = view;
    if (!v) return;
    setCounter(p);
    partners = p.parties.filter((r) => r !== v.viewer.seat);
    drafts = p.terms.map(draftOf);
    years.value = String(p.years);
    note.value = "";
    seatsKey = "";
    update(v);
    renderTerms();
    title.focus();
    el.scrollIntoView({ block: "start" });
  };
  return { el, update, counter };
}
