import type { Rng } from './prng.ts';

// Demo people and places. Names are common US names; phone numbers use the 555-01XX block that the North
// American Numbering Plan keeps for fiction; e-mail domains are example.net (RFC 2606).

const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen', 'Charles', 'Lisa', 'Daniel', 'Nancy',
  'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Margaret', 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily',
  'Paul', 'Donna', 'Joshua', 'Michelle', 'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'Timothy', 'Deborah',
  'Ronald', 'Stephanie', 'Jason', 'Rebecca', 'Luis', 'Sofia', 'Wei', 'Mei', 'Arjun', 'Priya', 'Omar', 'Fatima', 'Hiroshi',
  'Yuki', 'Carlos', 'Lucia', 'Andre', 'Aaliyah', 'Dmitri', 'Elena', 'Kwame', 'Ngozi', 'Mateo', 'Camila',
];

const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson',
  'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell',
  'Mitchell', 'Carter', 'Roberts', 'Chen', 'Patel', 'Kim', 'Nakamura', 'Okafor', 'Mensah', 'Ivanova', 'Kowalski',
  "O'Brien", 'Schultz', 'Haddad', 'Singh', 'Cohen', 'Murphy', 'Bennett', 'Foster', 'Reyes', 'Brooks', 'Sullivan', 'Price',
];

export type City = { name: string; region: string; zips: readonly string[]; areaCodes: readonly string[]; timeZone: string };

export const CITIES: readonly City[] = [
  { name: 'New York', region: 'NY', zips: ['10001', '10016', '10025', '10128'], areaCodes: ['212', '646', '917'], timeZone: 'America/New_York' },
  { name: 'Brooklyn', region: 'NY', zips: ['11201', '11215', '11238'], areaCodes: ['718', '347'], timeZone: 'America/New_York' },
  { name: 'Boston', region: 'MA', zips: ['02108', '02116', '02130'], areaCodes: ['617', '857'], timeZone: 'America/New_York' },
  { name: 'Philadelphia', region: 'PA', zips: ['19103', '19107', '19147'], areaCodes: ['215', '267'], timeZone: 'America/New_York' },
  { name: 'Atlanta', region: 'GA', zips: ['30303', '30308', '30318'], areaCodes: ['404', '470'], timeZone: 'America/New_York' },
  { name: 'Miami', region: 'FL', zips: ['33130', '33131', '33139'], areaCodes: ['305', '786'], timeZone: 'America/New_York' },
  { name: 'Charlotte', region: 'NC', zips: ['28202', '28203', '28205'], areaCodes: ['704', '980'], timeZone: 'America/New_York' },
  { name: 'Columbus', region: 'OH', zips: ['43201', '43205', '43215'], areaCodes: ['614'], timeZone: 'America/New_York' },
  { name: 'Chicago', region: 'IL', zips: ['60601', '60614', '60622', '60657'], areaCodes: ['312', '773'], timeZone: 'America/Chicago' },
  { name: 'Minneapolis', region: 'MN', zips: ['55401', '55408', '55414'], areaCodes: ['612'], timeZone: 'America/Chicago' },
  { name: 'Austin', region: 'TX', zips: ['78701', '78704', '78745'], areaCodes: ['512', '737'], timeZone: 'America/Chicago' },
  { name: 'Houston', region: 'TX', zips: ['77002', '77006', '77019'], areaCodes: ['713', '832'], timeZone: 'America/Chicago' },
  { name: 'Nashville', region: 'TN', zips: ['37203', '37206', '37209'], areaCodes: ['615', '629'], timeZone: 'America/Chicago' },
  { name: 'Denver', region: 'CO', zips: ['80202', '80206', '80218'], areaCodes: ['303', '720'], timeZone: 'America/Denver' },
  { name: 'Phoenix', region: 'AZ', zips: ['85004', '85012', '85016'], areaCodes: ['602', '480'], timeZone: 'America/Phoenix' },
  { name: 'Seattle', region: 'WA', zips: ['98101', '98103', '98122'], areaCodes: ['206'], timeZone: 'America/Los_Angeles' },
  { name: 'Portland', region: 'OR', zips: ['97205', '97209', '97214'], areaCodes: ['503', '971'], timeZone: 'America/Los_Angeles' },
  { name: 'San Francisco', region: 'CA', zips: ['94103', '94110', '94117'], areaCodes: ['415', '628'], timeZone: 'America/Los_Angeles' },
  { name: 'Los Angeles', region: 'CA', zips: ['90012', '90026', '90046'], areaCodes: ['213', '323', '310'], timeZone: 'America/Los_Angeles' },
  { name: 'San Diego', region: 'CA', zips: ['92101', '92103', '92116'], areaCodes: ['619', '858'], timeZone: 'America/Los_Angeles' },
];

const STREETS = ['Oak', 'Maple', 'Cedar', 'Pine', 'Elm', 'Washington', 'Lincoln', 'Park', 'Lake', 'Hill', 'Main', 'Church', 'Highland', 'Sunset', 'River', 'Madison', 'Franklin', 'Jefferson'];
const STREET_KINDS = ['St', 'Ave', 'Blvd', 'Rd', 'Ln', 'Dr', 'Ct', 'Pl'];
const BUSINESS_WORDS = ['Harbor', 'Summit', 'Bluebird', 'Ironwood', 'Keystone', 'Northstar', 'Willow', 'Granite', 'Copperleaf', 'Meridian', 'Lantern', 'Oakline'];
const BUSINESS_KINDS = ['Landscaping LLC', 'Design Studio', 'Consulting Group', 'Bakery', 'Plumbing Co.', 'Dental Care', 'Logistics Inc.', 'Media LLC', 'Auto Repair', 'Coffee Roasters'];

export type Person = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  addressLine1: string;
  addressLine2: string | null;
  city: City;
  postalCode: string;
  businessName: string;
};

const emailPart = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** `index` makes the e-mail unique: first.last.N@example.net. */
export function makePerson(rng: Rng, index: number, name?: { firstName: string; lastName: string; city?: string }): Person {
  const firstName = name?.firstName ?? rng.pick(FIRST_NAMES);
  const lastName = name?.lastName ?? rng.pick(LAST_NAMES);
  const city = CITIES.find((c) => c.name === name?.city) ?? rng.pick(CITIES);
  const line4 = String(rng.int(100, 199)).padStart(4, '0'); // 555-0100..0199: reserved for fictional use
  return {
    firstName,
    lastName,
    email: `${emailPart(firstName)}.${emailPart(lastName)}.${index}@example.net`,
    phone: `+1${rng.pick(city.areaCodes)}555${line4}`,
    addressLine1: `${rng.int(12, 9899)} ${rng.pick(STREETS)} ${rng.pick(STREET_KINDS)}`,
    addressLine2: rng.chance(0.25) ? `Apt ${rng.int(1, 40)}${rng.pick(['A', 'B', 'C', 'D'])}` : null,
    city,
    postalCode: rng.pick(city.zips),
    businessName: `${rng.pick(BUSINESS_WORDS)} ${rng.pick(BUSINESS_KINDS)}`,
  };
}

export function pickFirstName(rng: Rng): string {
  return rng.pick(FIRST_NAMES);
}
