// Plausible synthetic people, places and merchants for the seeded bank (UK regions, English and Chinese names).
import type { Rng } from "../shared/random.js";
import type { Customer } from "./bank-schemas.js";

const FIRST = [
  "Oliver",
  "Amelia",
  "George",
  "Isla",
  "Harry",
  "Ava",
  "Jack",
  "Mia",
  "Noah",
  "Grace",
  "Leo",
  "Sophie",
  "Oscar",
  "Emily",
  "Arthur",
  "Poppy",
  "Thomas",
  "Ella",
  "James",
  "Freya",
  "William",
  "Chloe",
  "Henry",
  "Lucy",
  "Samuel",
  "Hannah",
  "Daniel",
  "Ruby",
  "Joseph",
  "Evie",
  "Priya",
  "Mohammed",
  "Aisha",
  "Ravi",
  "Fatima",
  "Connor",
  "Siobhan",
  "Callum",
  "Niamh",
  "Rhys",
];
const LAST = [
  "Smith",
  "Jones",
  "Taylor",
  "Brown",
  "Williams",
  "Wilson",
  "Johnson",
  "Davies",
  "Patel",
  "Robinson",
  "Wright",
  "Thompson",
  "Evans",
  "Walker",
  "White",
  "Roberts",
  "Green",
  "Hall",
  "Wood",
  "Jackson",
  "Clarke",
  "Khan",
  "Hughes",
  "Edwards",
  "Murphy",
  "Campbell",
  "Stewart",
  "Kelly",
  "Ahmed",
  "Morgan",
];
const SURNAMES_ZH = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
  "郭",
  "何",
  "林",
  "罗",
  "高",
];
const GIVEN_ZH = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀英",
  "华",
  "晓东",
  "佳怡",
  "子涵",
  "浩然",
  "雨桐",
];

/** UK region of a point on the simulator's map (3 × 3 bands, north at the top). */
export function regionOf(x: number, y: number): string {
  const col = Math.min(2, Math.floor(x / (100 / 3)));
  const row = Math.min(2, Math.floor(y / (100 / 3)));
  const table = [
    ["Wales", "London", "South East"],
    ["North West", "Yorkshire", "East Midlands"],
    ["Northern Ireland", "Scotland", "North East"],
  ];
  return (table[row] as string[])[col] as string;
}

/** A synthetic customer's personal details (the id and map position come from the caller). */
export function makePerson(
  rng: Rng,
  zhShare = 0.15,
): Pick<Customer, "name" | "locale" | "monthlyIncome" | "employment"> {
  const zh = rng.next() < zhShare;
  const name = zh ? `${rng.pick(SURNAMES_ZH)}${rng.pick(GIVEN_ZH)}` : `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
  const u = rng.next();
  const employment: Customer["employment"] =
    u < 0.62 ? "employed" : u < 0.74 ? "self_employed" : u < 0.88 ? "retired" : u < 0.95 ? "student" : "unemployed";
  const median = { employed: 2600, self_employed: 2400, retired: 1500, student: 800, unemployed: 700 }[employment];
  const monthlyIncome = Math.round((median * Math.exp(rng.normal(0, 0.35))) / 10) * 10;
  return { name, locale: zh ? "zh-CN" : "en", monthlyIncome, employment };
}

const CATEGORIES = [
  { category: "groceries", names: ["Fresh Basket", "Corner Grocer", "Harvest Market", "Daily Greens"], online: false },
  {
    category: "restaurants",
    names: ["The Copper Kettle", "Golden Dragon", "Bella Napoli", "Spice Route"],
    online: false,
  },
  { category: "fuel", names: ["Northway Fuel", "Swift Petrol", "Roadside Energy"], online: false },
  { category: "transport", names: ["City Rail", "Metro Cabs", "Coastline Buses"], online: false },
  {
    category: "retail",
    names: ["High Street Outfitters", "Home & Hearth", "Bookmark Books", "Paper Lane"],
    online: false,
  },
  { category: "pharmacy", names: ["WellCare Pharmacy", "Green Cross Chemist"], online: false },
  { category: "electronics", names: ["Circuit Store", "Pixel Electronics", "TechDepot"], online: false },
  { category: "entertainment", names: ["Starlight Cinema", "Arena Tickets", "Riverside Bowling"], online: false },
  { category: "online marketplace", names: ["ShopSphere Online", "QuickCart", "BazaarNet"], online: true },
  { category: "travel", names: ["SkyHop Travel", "Harbour Hotels", "Weekend Breaks Online"], online: true },
];

/** A merchant identity for a terminal. */
export function makeMerchant(
  rng: Rng,
  x: number,
  y: number,
): { name: string; category: string; online: boolean; region: string } {
  const c = rng.pick(CATEGORIES);
  const region = regionOf(x, y);
  return {
    name: c.online ? rng.pick(c.names) : `${rng.pick(c.names)} ${region}`,
    category: c.category,
    online: c.online,
    region,
  };
}
