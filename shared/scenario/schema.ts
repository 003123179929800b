/**
 * The scenario format: every tunable number of GAME.md lives here, validated at load.
 * A scenario is data; the engine (shared/rules) reads it and never hard-codes a balance number.
 */
import { z } from "zod";
import { LIMITS } from "../rules/limits.ts";

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, "must be a lowercase id (letters, digits, dashes)");
const money = z.number().finite().min(0);
const share = z.number().finite().min(0).max(1);
const points = z.number().finite();
const count = z.number().int().min(0);

/** Every order a role may be allowed to use (GAME.md, "Orders"). */
export const ORDER_KINDS = [
  "sanctions",
  "sanctionsCarveOut",
  "crewFunding",
  "subsidyPool",
  "diversion",
  "touristSeats",
  "covertSale",
  "roleLevel",
  "extraCrew",
  "acceptInspection",
  "flightsNextYear",
  "listPrice",
  "privateSeats",
  "programmeInvestment",
  "readinessMode",
] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** How a scenario names and explains one order to its players: clients show this, not the kind. */
export const orderTextSchema = z.object({
  label: z.string().min(1).max(40),
  description: z.string().min(1).max(400),
});
export type OrderText = z.infer<typeof orderTextSchema>;
const orderTexts = z.partialRecord(z.enum(ORDER_KINDS), orderTextSchema);

export const TERM_KINDS = [
  "seatSale",
  "seatSwap",
  "subsidy",
  "contract",
  "techTransfer",
  "pledge",
] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export const presetSchema = z.object({
  label: z.string().min(1),
  years: z.number().int().min(1).max(LIMITS.gameYears),
  briefingSeconds: count,
  negotiationSeconds: z.number().int().min(10),
  firstNegotiationSeconds: z.number().int().min(10),
  commitSeconds: count,
  crisisSeconds: z.number().int().min(10),
});
export type Preset = z.infer<typeof presetSchema>;

export const vehicleSchema = z.object({
  name: z.string().min(1),
  seatsPerFlight: z.number().int().min(1).max(10),
  /** Flights flown in the first year. */
  startFlights: count,
  /** Flights flown every year without an order (a state programme such as Soyuz). Null: set by the flightsNextYear order. */
  fixedFlights: count.nullable(),
  maxFlights: z.number().int().min(0).max(10),
  /** Cost of one flight, paid the year it is ordered. */
  flightCost: money,
  /** Cost of flying one foreign (paying) seat. */
  marginalSeatCost: money,
  /** How much more a market buyer will pay for this vehicle. */
  marketAppeal: z.number().finite(),
  /** Readiness needed before the vehicle flies at all (0: flies from the start). */
  readinessNeeded: count,
  startReadiness: count,
});
export type VehicleSpec = z.infer<typeof vehicleSchema>;

export const ordersSchema = z.object({
  sanctions: z.number().int().min(0).max(2),
  sanctionsCarveOut: z.boolean(),
  crewFunding: z.string(),
  subsidyPool: money,
  diversion: z.number().int().min(0).max(100),
  touristSeats: z.number().int().min(0).max(10),
  covertSale: z.boolean(),
  roleLevel: z.enum(["full", "reduced"]),
  extraCrew: z.number().int().min(0).max(10),
  acceptInspection: z.boolean(),
  flightsNextYear: z.number().int().min(0).max(10),
  listPrice: money,
  privateSeats: z.number().int().min(0).max(20),
  programmeInvestment: money,
  readinessMode: z.enum(["test", "rush"]),
});
export type OrdersSpec = z.infer<typeof ordersSchema>;

export const objectiveSchema = z.discriminatedUnion("kind", [
  /** points × share of crew need flown, minus gapPoints per unflown seat of need. */
  z.object({ kind: z.literal("crewMet"), points, gapPoints: points }),
  /** points × share of this year's budget not spent. */
  z.object({ kind: z.literal("moneySaved"), points }),
  /** points × (1 − vulnerability toward the rival). */
  z.object({ kind: z.literal("lowVulnerability"), points }),
  /** points × share of the role's home companies that flew its crew this year. */
  z.object({ kind: z.literal("homeProviders"), points }),
  /** points × (1 − T/100). */
  z.object({ kind: z.literal("lowTension"), points }),
  /**
   * Civil funding against its target (shared/rules/civilFunding.ts): points × min(cap,
   * (civil funding ÷ target − zeroAt) ÷ (1 − zeroAt)). Full points at the target, none at
   * zeroAt of it, negative below (a starved or militarised programme keeps losing).
   */
  z.object({
    kind: z.literal("civilFunding"),
    points,
    cap: z.number().min(0),
    /** Share of the target at which the term is 0 (0: points × civil ÷ target). */
    zeroAt: z.number().min(0).max(0.95).default(0),
  }),
  /** points per crew member flown on the role's own vehicle (own and foreign). */
  z.object({ kind: z.literal("crewsFlown"), points }),
  /** points per security point gained this year. */
  z.object({ kind: z.literal("security"), points }),
  /** points per prestige point held. */
  z.object({ kind: z.literal("prestige"), points }),
  /** points per 100 of profit this year (losses count negative). */
  z.object({ kind: z.literal("profit"), points }),
  /** points × share of all seats flown this year that this role provided. */
  z.object({ kind: z.literal("seatShare"), points }),
  /** points per reputation point held. */
  z.object({ kind: z.literal("reputation"), points }),
  /** points per own astronaut flown this year, for at most `ambition` of them a year. */
  z.object({
    kind: z.literal("astronautsFlown"),
    points,
    ambition: z.number().int().min(1).max(20).default(2),
  }),
  /** points per capability point gained this year. */
  z.object({ kind: z.literal("capabilityGained"), points }),
  /** points per partner that flew the role's crew for the first time this year. */
  z.object({ kind: z.literal("newPartners"), points }),
  /**
   * Monopoly risk: −points in a year when one company flew more than `share` of the role's
   * crew (GAME.md: "no single provider").
   */
  z.object({ kind: z.literal("singleProvider"), points, share: share.default(0.75) }),
]);
export type Objective = z.infer<typeof objectiveSchema>;

/**
 * A place on the board's globe (LOOK.md): a launch site, or for a state without one its
 * capital. Longitude and latitude in degrees.
 */
export const siteSchema = z.object({
  name: z.string().min(1),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type Site = z.infer<typeof siteSchema>;

export const roleSchema = z.object({
  name: z.string().min(1),
  short: z.string().min(1).max(12),
  archetype: z.enum(["state", "company"]),
  /** Optional roles may be left out of a table; the others are always played (by a bot if empty). */
  optional: z.boolean(),
  /** Optional roles included when the table does not say. */
  defaultIncluded: z.boolean(),
  /** Colour-blind-safe colour and token shape (LOOK.md). */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  shape: z.string().min(1),
  flag: z.string(),
  /** Where the role's token sits and its flights leave from: a key of the scenario's `sites`. */
  site: z.string(),
  budgetBase: money,
  startingCash: money,
  crewNeed: count,
  /** Has a human spaceflight programme of its own (subsidies are only for those without). */
  humanSpaceflight: z.boolean(),
  /** For companies: the state whose "home providers" objective counts them. */
  homeState: z.string().nullable(),
  vehicle: vehicleSchema.nullable(),
  startCapability: count,
  startPrestige: z.number().int(),
  startReputation: z.number().int(),
  orders: z.array(z.enum(ORDER_KINDS)),
  defaultOrders: ordersSchema.partial(),
  /** This role's own names for some of its orders, over the scenario's `orderText`. */
  orderText: orderTexts.optional(),
  objectives: z.array(objectiveSchema),
  /** Points per year played that count as 100 % in the ranking. */
  par: z.number().positive(),
  /** Draws a secret priority card at the start. */
  drawsPriority: z.boolean(),
  briefing: z.string().min(1),
});
export type RoleSpec = z.infer<typeof roleSchema>;

export const eventEffectSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("tension"), amount: z.number().min(-30).max(30) }),
  /** Seats lost this year on a role's vehicle. */
  z.object({
    kind: z.literal("capacity"),
    role: z.string(),
    seats: z.number().int().min(-20).max(20),
  }),
  /** A share of a role's budget base lost (negative) or gained this year. */
  z.object({
    kind: z.literal("budgetShare"),
    role: z.string(),
    share: z.number().min(-0.5).max(0.5),
  }),
  /** A flat sum added to (or taken from) a role's cash. */
  z.object({
    kind: z.literal("budgetFlat"),
    role: z.string(),
    amount: z.number().min(-1000).max(1000),
  }),
  /** Extra market buyers this year, each with a maximum price. */
  z.object({
    kind: z.literal("marketBuyers"),
    maxPrices: z.array(z.number().min(0).max(1000)).max(6),
  }),
  /** Trust shifts for everyone (counts as kept (+) or broken (−) records). */
  z.object({ kind: z.literal("trust"), amount: z.number().int().min(-3).max(3) }),
  z.object({
    kind: z.literal("readiness"),
    role: z.string(),
    amount: z.number().int().min(-3).max(3),
  }),
  z.object({
    kind: z.literal("capability"),
    role: z.string(),
    amount: z.number().int().min(-10).max(10),
  }),
  z.object({
    kind: z.literal("prestige"),
    role: z.string(),
    amount: z.number().int().min(-5).max(5),
  }),
  z.object({
    kind: z.literal("reputation"),
    role: z.string(),
    amount: z.number().int().min(-5).max(5),
  }),
  /** The rival pair must each choose Link or Compartmentalise. */
  z.object({ kind: z.literal("crisisOnEarth") }),
  /** A vehicle fails: its crews come home on the rescuer's vehicle this year. */
  z.object({ kind: z.literal("rescue"), failed: z.string(), rescuer: z.string() }),
  /** Tension rises with the rival pair's lifeboat exposure. */
  z.object({ kind: z.literal("lifeboatExposure"), tensionPerShare: z.number().min(0).max(30) }),
  /** An outside provider offers seats on the market this year. */
  z.object({
    kind: z.literal("outsideOffer"),
    name: z.string().min(1),
    seats: z.number().int().min(1).max(8),
    price: money,
    appeal: z.number(),
  }),
]);
export type EventEffect = z.infer<typeof eventEffectSchema>;

export const eventCardSchema = z.object({
  id,
  title: z.string().min(1),
  note: z.string().min(1),
  weight: z.number().min(0),
  /** Only drawn while the watched role's civil funding is below this share of base. */
  onlyWhenFundingBelow: share.nullable(),
  effects: z.array(eventEffectSchema),
});
export type EventCard = z.infer<typeof eventCardSchema>;

export const priorityCheckSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("distinctVehicles"), count: z.number().int().min(1) }),
  z.object({ kind: z.literal("firstFlightBy"), year: z.number().int() }),
  z.object({ kind: z.literal("capabilityAtLeast"), points: z.number().int().min(1) }),
  z.object({ kind: z.literal("maxPricePaid"), price: money }),
  z.object({ kind: z.literal("astronautsAtLeast"), count: z.number().int().min(1) }),
]);
export type PriorityCheck = z.infer<typeof priorityCheckSchema>;

export const priorityCardSchema = z.object({
  id,
  text: z.string().min(1),
  points: points,
  check: priorityCheckSchema,
});
export type PriorityCard = z.infer<typeof priorityCardSchema>;

export const startingDealSchema = z.object({
  provider: z.string(),
  buyer: z.string(),
  seats: z.number().int().min(1),
  price: money,
  /** Paid before the game began: no money moves at resolution. */
  prepaid: z.boolean(),
});

export const scenarioSchema = z
  .object({
    id,
    name: z.string().min(1),
    summary: z.string().min(1),
    startYear: z.number().int().min(1957).max(2200),
    defaultPreset: z.string(),
    presets: z.record(z.string(), presetSchema),
    /** The places on the globe the roles name (launch sites, capitals). */
    sites: z.record(id, siteSchema),
    roles: z.record(id, roleSchema),
    /** The two states whose relationship the Realist lens watches. */
    rivalPair: z.tuple([z.string(), z.string()]),
    startTension: z.number().min(0).max(100),
    startingDeals: z.array(startingDealSchema),
    /** What each order is called and does, in this scenario's words (every order a role has). */
    orderText: orderTexts,
    prices: z.object({
      /** Most a subsidy may cover per seat. */
      subsidyCapPerSeat: money,
      /** Value of one swapped seat, for cancellation penalties. */
      swapSeatValue: money,
      maxSeatPrice: money,
      maxContractValue: money,
      maxTechPoints: z.number().int().min(1),
      cancelPenaltyShare: share,
      crewFundingAmount: money,
      extraCrewCost: money,
      covertSaleIncome: money,
      roleLevelCostFull: money,
      roleLevelCostReduced: money,
      readinessTestCost: money,
      capabilityPerInvestment: z.number().positive(),
      /**
       * Share of a contract's value the state pays in cash; the company earns the rest from
       * the named source "in-kind contract value" (work or land the state has anyway).
       */
      contractCashShare: share.default(0.25),
    }),
    market: z.object({
      minBuyers: count,
      maxBuyers: count,
      minPrice: money,
      maxPrice: money,
      /** Buyers' maximum prices are rounded to a multiple of this. */
      priceRounding: z.number().int().min(1),
    }),
    dependence: z.object({
      crewWeight: share,
      moneyWeight: share,
      lifeboatWeight: share,
      criticalShare: z.number().positive().max(1),
    }),
    cooperation: z.object({
      rivalWeight: z.number().min(0),
      othersWeight: z.number().min(0),
      triangleWeight: z.number().min(0),
      trustWeight: z.number().min(0),
      mutualSaturation: z.number().positive(),
      triangleSaturation: z.number().positive(),
      trustWindowYears: z.number().int().min(1),
    }),
    tension: z.object({
      drift: share,
      vulnerability: z.number().min(0),
      diversionEstimate: z.number().min(0),
      moneyDivisor: z.number().positive(),
      incomeLoss: z.number().min(0),
      /** Foreign civil income of the watched rival before the game (the income term's yardstick). */
      incomeReference: money,
      sanctionsPerLevel: z.number().min(0),
      failedDeal: z.number().min(0),
      cooperation: z.number().min(0),
      estimateNoise: z.number().int().min(0).max(50),
      estimateRounding: z.number().int().min(1),
      crisisOnEarthLink: z.number(),
      crisisOnEarthCompartmentalise: z.number(),
      /** Each year a rival of the pair plays a reduced ISS role: it steps back from the one shared domain. */
      reducedRole: z.number().min(0).default(0),
    }),
    orders: z.object({
      sanctionBudgetShare: share,
      /** Share of the sanctions' budget loss that remains when space is carved out. */
      sanctionsCarveOutFactor: share,
      diversionLevels: z.array(z.number().int().min(0).max(100)).min(1),
      securityPer10: z.number().min(0),
      covertDetection: share,
      covertDetectionRepeat: share,
      covertDetectedTension: z.number().min(0),
      auditTensionPerSale: z.number().min(0),
      reducedOwnCrew: count,
      reducedCrewTie: share,
      reducedPrestige: z.number().int(),
      extraCrewPrestige: z.number().int(),
      rushFailureChance: share,
      rushFailureReputation: z.number().int(),
      maxSubsidyPool: money,
      maxProgrammeInvestment: money,
      maxSanctions: z.number().int().min(0).max(5).default(2),
      maxTouristSeats: z.number().int().min(0).max(10).default(2),
      maxExtraCrew: z.number().int().min(0).max(10).default(2),
      maxPrivateSeats: z.number().int().min(0).max(20).default(4),
      /** Most seats a swap term may swap each way. */
      maxSwapSeats: z.number().int().min(1).max(20),
      /** Longest a deal may run, in years. */
      maxDealYears: z.number().int().min(1).max(LIMITS.dealYears).default(3),
    }),
    brainDrain: z.object({
      role: z.string(),
      fundingShare: share,
      yearsBelow: z.number().int().min(1),
      chance: share,
      tension: z.number().min(0),
    }),
    crisis: z.object({
      threshold: z.number().min(0).max(100),
      bothDeescalate: z.number(),
      oneFirm: z.number(),
      firmPoints: z.number(),
      bothFirm: z.number(),
      escalationBase: z.number().min(0).max(100),
      leverageVulnerability: share,
      leveragePoints: z.number(),
    }),
    scoring: z.object({
      /** Points lost by a seat that breaks a checkable pledge. */
      brokenPledgePoints: z.number().min(0),
      /** Points lost by the party at fault when a deal fails. */
      failedDealPoints: z.number().min(0),
      /** Reputation a company loses when a condition of its contract breaks. */
      brokenConditionReputation: z.number().int().min(0),
      /** The profit objective gives its points per this much profit. */
      profitUnit: z.number().positive(),
      peaceDividendMax: z.number().min(0),
      peaceDividendZeroAt: z.number().min(0).max(100),
      peaceDividendSpan: z.number().positive(),
      conflictFactor: share,
      /** Where the end screen's verdict sentences change their words. */
      verdicts: z.object({
        /** Final C from which "interdependence held the rivals together". */
        cooperationHeld: z.number().min(0).max(100),
        /** Final C from which "ties were thin" (below: "the world drifted apart"). */
        cooperationThin: z.number().min(0).max(100),
        /** How much more one rival's V must be than the other's to call it exposed. */
        exposedMargin: share,
        /** The largest provider's share (%) of seats flown for others that is a monopoly risk. */
        monopolyShare: z.number().min(0).max(100),
        /**
         * Final T below which the Liberal verdict may say interdependence restrained tension;
         * at or above it (or after a crisis with T still this high) it says it did not.
         */
        restrainedBelow: z.number().min(0).max(100).default(65),
      }),
    }),
    /** What the bots judge by, where it depends on the scenario's figures. */
    bots: z
      .object({
        realist: z
          .object({
            /** The Realist feels threatened once T is this far above the scenario's start. */
            threatTensionRise: z.number().min(0).max(100).default(20),
          })
          .default({ threatTensionRise: 20 }),
      })
      .default({ realist: { threatTensionRise: 20 } }),
    deck: z.array(eventCardSchema).min(1),
    priorities: z.array(priorityCardSchema),
    briefing: z.object({
      intro: z.string().min(1),
      history: z.array(z.string()),
    }),
  })
  .superRefine((s, ctx) => {
    const roleIds = Object.keys(s.roles);
    const isRole = (r: string) => roleIds.includes(r);
    const bad = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });

    if (!(s.defaultPreset in s.presets)) {
      bad(["defaultPreset"], `names no preset (presets: ${Object.keys(s.presets).join(", ")})`);
    }
    s.rivalPair.forEach((r, i) => {
      if (!isRole(r)) bad(["rivalPair", i], `names unknown role "${r}"`);
      else if (s.roles[r]?.archetype !== "state") bad(["rivalPair", i], `"${r}" is not a state`);
      else if (s.roles[r]?.optional)
        bad(["rivalPair", i], `"${r}" is optional; the rival pair is always played`);
    });
    if (s.rivalPair[0] === s.rivalPair[1]) bad(["rivalPair"], "names the same role twice");
    if (s.market.minBuyers > s.market.maxBuyers) bad(["market", "minBuyers"], "is above maxBuyers");
    if (s.market.minPrice > s.market.maxPrice) bad(["market", "minPrice"], "is above maxPrice");
    if (!isRole(s.brainDrain.role))
      bad(["brainDrain", "role"], `names unknown role "${s.brainDrain.role}"`);
    const w = s.dependence;
    if (Math.abs(w.crewWeight + w.moneyWeight + w.lifeboatWeight - 1) > 1e-9) {
      bad(["dependence"], "crewWeight + moneyWeight + lifeboatWeight must add up to 1");
    }
    for (const [rid, role] of Object.entries(s.roles)) {
      const at = (...p: (string | number)[]) => ["roles", rid, ...p];
      if (role.archetype === "company" && role.budgetBase > 0)
        bad(at("budgetBase"), "a company has no budget base");
      if (role.archetype === "company" && role.crewNeed > 0)
        bad(at("crewNeed"), "a company has no crew need");
      if (role.homeState !== null && !isRole(role.homeState))
        bad(at("homeState"), `names unknown role "${role.homeState}"`);
      if (!Object.hasOwn(s.sites, role.site))
        bad(
          at("site"),
          `names unknown site "${role.site}" (sites: ${Object.keys(s.sites).join(", ")})`,
        );
      if (
        role.vehicle &&
        role.vehicle.startReadiness > role.vehicle.readinessNeeded &&
        role.vehicle.readinessNeeded > 0
      ) {
        bad(at("vehicle", "startReadiness"), "is above readinessNeeded");
      }
      for (const k of role.orders) {
        if (!role.orderText?.[k] && !s.orderText[k])
          bad(at("orders"), `"${k}" has no orderText (scenario or role) to show players`);
      }
      for (const k of Object.keys(role.defaultOrders)) {
        if (!role.orders.includes(k as OrderKind))
          bad(at("defaultOrders", k), `is not among the role's orders`);
      }
      const d = role.defaultOrders.diversion;
      if (d !== undefined && !s.orders.diversionLevels.includes(d))
        bad(
          at("defaultOrders", "diversion"),
          `must be one of ${s.orders.diversionLevels.join("/")}`,
        );
      const f = role.defaultOrders.crewFunding;
      if (f !== undefined && f !== "" && !isRole(f))
        bad(at("defaultOrders", "crewFunding"), `names unknown role "${f}"`);
      const needsVehicle: OrderKind[] = [
        "flightsNextYear",
        "touristSeats",
        "privateSeats",
        "listPrice",
        "extraCrew",
        "readinessMode",
      ];
      for (const k of needsVehicle) {
        if (role.orders.includes(k) && !role.vehicle) bad(at("orders"), `"${k}" needs a vehicle`);
      }
    }
    s.startingDeals.forEach((d, i) => {
      if (!isRole(d.provider))
        bad(["startingDeals", i, "provider"], `names unknown role "${d.provider}"`);
      else if (!s.roles[d.provider]?.vehicle)
        bad(["startingDeals", i, "provider"], "has no vehicle");
      if (!isRole(d.buyer)) bad(["startingDeals", i, "buyer"], `names unknown role "${d.buyer}"`);
    });
    const cardIds = new Set<string>();
    s.deck.forEach((card, i) => {
      if (cardIds.has(card.id)) bad(["deck", i, "id"], `duplicate card id "${card.id}"`);
      cardIds.add(card.id);
      card.effects.forEach((e, j) => {
        for (const key of ["role", "failed", "rescuer"] as const) {
          const r = (e as Record<string, unknown>)[key];
          if (typeof r === "string" && !isRole(r))
            bad(["deck", i, "effects", j, key], `names unknown role "${r}"`);
        }
      });
    });
    if (!s.deck.some((c) => c.weight > 0 && c.onlyWhenFundingBelow === null)) {
      bad(["deck"], "needs at least one card with weight > 0 that is always eligible");
    }
    const prioIds = new Set<string>();
    s.priorities.forEach((p, i) => {
      if (prioIds.has(p.id)) bad(["priorities", i, "id"], `duplicate priority id "${p.id}"`);
      prioIds.add(p.id);
    });
    if (Object.values(s.roles).some((r) => r.drawsPriority) && s.priorities.length === 0) {
      bad(["priorities"], "a role draws a secret priority but there are none");
    }
  });

export type Scenario = z.infer<typeof scenarioSchema>;
