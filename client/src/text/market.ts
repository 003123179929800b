/** The market panel's sentences (GAME.md, "The market"). */
import { count } from "./details.ts";

export const MARKET_TEXT = {
  title: "The market this year",
  rule: "Market buyers each buy the cheapest seat offered that they can afford, at the seller's list price; their money comes from outside the table.",
  buyersTitle: "Buyers",
  noBuyers: "No market buyers this year.",
  buyer: (n: number, maxPrice: number) => `Buyer ${n}: pays up to ${maxPrice}`,
  sellersTitle: "List prices",
  noSellers: "Nobody offers seats at a list price yet.",
  seller: (name: string, price: number, capacity: number) =>
    `${name}: ${price} a seat (${count(capacity, "seat", "seats")} on its vehicle this year)`,
};
