// Spending categories with their real ISO 18245 merchant category codes, and fictional merchants in each.
// Amounts are in cents: a median with a log-normal spread, clamped to a plausible range.

export type CategoryKey =
  | 'grocery'
  | 'restaurant'
  | 'fast_food'
  | 'coffee'
  | 'gas'
  | 'airline'
  | 'hotel'
  | 'car_rental'
  | 'rideshare'
  | 'online_retail'
  | 'bookstore'
  | 'department_store'
  | 'clothing'
  | 'electronics'
  | 'home_improvement'
  | 'pharmacy'
  | 'wholesale_club'
  | 'pet_supplies'
  | 'movies'
  | 'parking'
  | 'office_supplies'
  | 'software'
  | 'advertising'
  | 'courier'
  | 'travel_agency';

export type Category = {
  mcc: string;
  median: number;
  spread: number;
  min: number;
  max: number;
  /** Share of purchases made without the card present (online, phone, in-app). */
  notPresent: number;
  /** Merchants that take returns: the only ones that issue refunds in the demo. */
  refundable: boolean;
};

export const CATEGORIES: Record<CategoryKey, Category> = {
  grocery: { mcc: '5411', median: 6_800, spread: 0.6, min: 650, max: 32_000, notPresent: 0.06, refundable: false },
  restaurant: { mcc: '5812', median: 5_200, spread: 0.55, min: 1_400, max: 38_000, notPresent: 0.05, refundable: false },
  fast_food: { mcc: '5814', median: 1_350, spread: 0.4, min: 450, max: 4_500, notPresent: 0.15, refundable: false },
  coffee: { mcc: '5814', median: 650, spread: 0.35, min: 275, max: 2_400, notPresent: 0.1, refundable: false },
  gas: { mcc: '5541', median: 4_900, spread: 0.35, min: 1_500, max: 11_000, notPresent: 0, refundable: false },
  airline: { mcc: '4511', median: 38_000, spread: 0.6, min: 8_900, max: 160_000, notPresent: 0.95, refundable: true },
  hotel: { mcc: '7011', median: 42_000, spread: 0.6, min: 12_900, max: 240_000, notPresent: 0.25, refundable: true },
  car_rental: { mcc: '7512', median: 28_000, spread: 0.5, min: 6_500, max: 120_000, notPresent: 0.2, refundable: true },
  rideshare: { mcc: '4121', median: 2_300, spread: 0.5, min: 700, max: 12_000, notPresent: 1, refundable: false },
  online_retail: { mcc: '5999', median: 4_200, spread: 0.75, min: 599, max: 60_000, notPresent: 1, refundable: true },
  bookstore: { mcc: '5942', median: 2_600, spread: 0.5, min: 499, max: 15_000, notPresent: 0.85, refundable: true },
  department_store: { mcc: '5311', median: 8_500, spread: 0.65, min: 1_200, max: 60_000, notPresent: 0.3, refundable: true },
  clothing: { mcc: '5651', median: 7_400, spread: 0.6, min: 1_500, max: 45_000, notPresent: 0.35, refundable: true },
  electronics: { mcc: '5732', median: 16_000, spread: 0.8, min: 1_999, max: 280_000, notPresent: 0.45, refundable: true },
  home_improvement: { mcc: '5200', median: 9_200, spread: 0.7, min: 899, max: 120_000, notPresent: 0.15, refundable: true },
  pharmacy: { mcc: '5912', median: 2_400, spread: 0.6, min: 399, max: 15_000, notPresent: 0.05, refundable: false },
  wholesale_club: { mcc: '5300', median: 18_000, spread: 0.5, min: 3_000, max: 70_000, notPresent: 0.05, refundable: true },
  pet_supplies: { mcc: '5995', median: 5_400, spread: 0.5, min: 999, max: 25_000, notPresent: 0.4, refundable: true },
  movies: { mcc: '7832', median: 3_400, spread: 0.35, min: 1_200, max: 9_000, notPresent: 0.5, refundable: false },
  parking: { mcc: '7523', median: 1_800, spread: 0.5, min: 300, max: 8_000, notPresent: 0.3, refundable: false },
  office_supplies: { mcc: '5943', median: 8_600, spread: 0.7, min: 999, max: 90_000, notPresent: 0.5, refundable: true },
  software: { mcc: '5734', median: 9_900, spread: 0.8, min: 999, max: 150_000, notPresent: 1, refundable: true },
  advertising: { mcc: '7311', median: 35_000, spread: 0.7, min: 5_000, max: 400_000, notPresent: 1, refundable: false },
  courier: { mcc: '4215', median: 3_800, spread: 0.7, min: 899, max: 45_000, notPresent: 0.6, refundable: false },
  travel_agency: { mcc: '4722', median: 65_000, spread: 0.6, min: 9_900, max: 400_000, notPresent: 1, refundable: true },
};

/** A merchant: local ones take the cardholder's city, online ones carry their own. */
export type Merchant = { name: string; category: CategoryKey; online: boolean; city?: string; region?: string };

const local = (category: CategoryKey, names: string[]): Merchant[] => names.map((name) => ({ name, category, online: false }));
const online = (category: CategoryKey, entries: Array<[string, string, string]>): Merchant[] =>
  entries.map(([name, city, region]) => ({ name, category, online: true, city, region }));

export const MERCHANTS: readonly Merchant[] = [
  ...local('grocery', ['Harvest Basket Market', 'FreshWay Supermarket', 'Green Valley Grocers', 'Sunrise Foods', 'Corner Pantry Market']),
  ...local('restaurant', ['Harbor & Vine Bistro', 'Luca Trattoria', 'Blue Fin Sushi', 'The Copper Pot', 'Casa Mariposa', 'Smoke & Oak BBQ', 'Saffron House']),
  ...local('fast_food', ['Burger Barn', 'Taco Rapido', 'Crispy Coop Chicken', 'Slice Street Pizza']),
  ...local('coffee', ['Daily Grind Coffee', 'Bean There Cafe', 'Morning Ritual Espresso']),
  ...local('gas', ['QuickFuel', 'Metro Gas & Go', 'Prairie Petroleum', 'Highway Star Fuel']),
  ...online('airline', [['SkyBridge Airlines', 'Dallas', 'TX'], ['Atlantic Coast Air', 'Atlanta', 'GA'], ['Pacific Crest Airways', 'Seattle', 'WA']]),
  ...local('hotel', ['Grand Meridian Hotel', 'Harborview Inn & Suites', 'Parkside Lodge']),
  ...online('hotel', [['StayWell Hotels Reservations', 'Memphis', 'TN']]),
  ...local('car_rental', ['Roadway Car Rental', 'Liberty Auto Rentals']),
  ...online('rideshare', [['Zoomly Rides', 'San Francisco', 'CA'], ['CityHop Taxi', 'New York', 'NY']]),
  ...online('online_retail', [['RiverMart.com', 'Seattle', 'WA'], ['ShopNest Online', 'Columbus', 'OH'], ['Everyday Goods Co', 'Newark', 'NJ'], ['Northwind Home Online', 'Portland', 'OR']]),
  ...online('bookstore', [['PageTurner Books Online', 'New York', 'NY']]),
  ...local('bookstore', ['Chapter & Verse Books']),
  ...local('department_store', ['Hartwell Department Store', 'Marlowe & Finch']),
  ...local('clothing', ['Threadline Apparel', 'Urban Fold', 'Trailhead Outfitters']),
  ...online('clothing', [['Loom & Lark Online', 'Brooklyn', 'NY']]),
  ...local('electronics', ['Circuit Corner']),
  ...online('electronics', [['VoltHub Electronics', 'Austin', 'TX']]),
  ...local('home_improvement', ['HomeCraft Hardware', 'BuildRight Supply']),
  ...local('pharmacy', ['WellCare Pharmacy', 'CornerStone Drugs']),
  ...local('wholesale_club', ['BulkBarn Warehouse Club']),
  ...local('pet_supplies', ['Paws & Claws Pet Supply']),
  ...local('movies', ['Starlight Cinemas']),
  ...local('parking', ['CityPark Garages']),
  ...local('office_supplies', ['OfficeHub Supplies']),
  ...online('office_supplies', [['PaperTrail Direct', 'Chicago', 'IL']]),
  ...online('software', [['CloudDesk Software', 'San Francisco', 'CA'], ['LedgerLite Accounting', 'Boston', 'MA'], ['MeetSpace Video', 'San Jose', 'CA']]),
  ...online('advertising', [['AdReach Media', 'New York', 'NY'], ['SearchLift Ads', 'Mountain View', 'CA']]),
  ...online('courier', [['ParcelPoint Shipping', 'Memphis', 'TN']]),
  ...online('travel_agency', [['Wanderway Travel', 'Orlando', 'FL']]),
];

export const MERCHANTS_BY_CATEGORY = new Map<CategoryKey, Merchant[]>();
for (const m of MERCHANTS) {
  const list = MERCHANTS_BY_CATEGORY.get(m.category) ?? [];
  list.push(m);
  MERCHANTS_BY_CATEGORY.set(m.category, list);
}

/** Recurring monthly charges, always card-not-present, at a fixed price. */
export type Subscription = { name: string; mcc: string; cents: number; city: string; region: string };

export const PERSONAL_SUBSCRIPTIONS: readonly Subscription[] = [
  { name: 'StreamFlix', mcc: '4899', cents: 1_549, city: 'Los Gatos', region: 'CA' },
  { name: 'Tunewave Music', mcc: '4899', cents: 1_099, city: 'New York', region: 'NY' },
  { name: 'PrimeView TV Plus', mcc: '4899', cents: 2_299, city: 'Burbank', region: 'CA' },
  { name: 'CloudVault Storage', mcc: '5817', cents: 299, city: 'Cupertino', region: 'CA' },
  { name: 'Horizon Wireless', mcc: '4814', cents: 8_500, city: 'Basking Ridge', region: 'NJ' },
  { name: 'FitLife Gym', mcc: '7997', cents: 4_900, city: 'Denver', region: 'CO' },
  { name: 'Brightline Electric', mcc: '4900', cents: 11_240, city: 'Chicago', region: 'IL' },
];

export const BUSINESS_SUBSCRIPTIONS: readonly Subscription[] = [
  { name: 'CloudDesk Software', mcc: '5734', cents: 14_900, city: 'San Francisco', region: 'CA' },
  { name: 'LedgerLite Accounting', mcc: '5734', cents: 6_000, city: 'Boston', region: 'MA' },
  { name: 'Horizon Wireless Business', mcc: '4814', cents: 21_400, city: 'Basking Ridge', region: 'NJ' },
  { name: 'MeetSpace Video', mcc: '5734', cents: 1_599, city: 'San Jose', region: 'CA' },
];

/** Foreign places a traveller's card is used in (card present, on a trip). */
export const TRAVEL_DESTINATIONS = [
  { country: 'GB', city: 'London', hotel: 'The Kensington Arms Hotel', restaurant: 'Thameside Kitchen', shop: 'Covent Row Gifts' },
  { country: 'FR', city: 'Paris', hotel: 'Hotel Lumiere Rive Gauche', restaurant: 'Brasserie du Marais', shop: 'Galerie Saint-Honore' },
  { country: 'MX', city: 'Cancun', hotel: 'Playa Azul Resort', restaurant: 'La Palapa del Mar', shop: 'Mercado 28 Artesanias' },
  { country: 'CA', city: 'Toronto', hotel: 'Harbourfront Suites', restaurant: 'Maple & Rye', shop: 'Queen West Outfitters' },
  { country: 'JP', city: 'Tokyo', hotel: 'Shinjuku Garden Hotel', restaurant: 'Sakura Izakaya', shop: 'Ginza Lifestyle Store' },
  { country: 'IT', city: 'Rome', hotel: 'Albergo Campo Fiori', restaurant: 'Trattoria da Giulia', shop: 'Via Condotti Pelletteria' },
] as const;
