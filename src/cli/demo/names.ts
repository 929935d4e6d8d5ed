// Word lists for the demo city. Everything here is invented: no real person,
// street or place is meant.
export const trees = [
  'Alder', 'Aspen', 'Beech', 'Birch', 'Buckeye', 'Catalpa', 'Cedar', 'Chestnut', 'Cypress', 'Dogwood',
  'Elm', 'Fir', 'Ginkgo', 'Hawthorn', 'Hazel', 'Hickory', 'Holly', 'Juniper', 'Larch', 'Laurel',
  'Linden', 'Locust', 'Magnolia', 'Maple', 'Mulberry', 'Oak', 'Olive', 'Pine', 'Poplar', 'Redbud',
  'Rowan', 'Sassafras', 'Spruce', 'Sumac', 'Sycamore', 'Tamarack', 'Tupelo', 'Walnut', 'Willow', 'Yew',
];

export const birds = [
  'Crane', 'Curlew', 'Dunlin', 'Egret', 'Falcon', 'Finch', 'Gannet', 'Grebe', 'Heron', 'Ibis',
  'Jay', 'Kestrel', 'Kite', 'Lark', 'Linnet', 'Magpie', 'Merlin', 'Nuthatch', 'Oriole', 'Osprey',
  'Owl', 'Pelican', 'Plover', 'Puffin', 'Quail', 'Robin', 'Siskin', 'Sparrow', 'Starling', 'Swallow',
  'Teal', 'Tern', 'Thrush', 'Vireo', 'Warbler', 'Waxwing', 'Wren', 'Avocet', 'Bunting', 'Dipper',
];

export const placeWords = ['Park', 'Flats', 'Heights', 'Square', 'Gardens', 'Commons', 'Yards', 'Village', 'Hill', 'Grove', 'Landing', 'Terrace'];

export const firstNames = [
  'Maria', 'James', 'Aisha', 'Tomasz', 'Nguyen', 'Rosa', 'DeShawn', 'Priya', 'Kevin', 'Fatima',
  'Luis', 'Grace', 'Omar', 'Anna', 'Marcus', 'Mei', 'Daniel', 'Yesenia', 'Patrick', 'Amara',
  'Carlos', 'Hannah', 'Jamal', 'Olena', 'Samuel', 'Lucia', 'Tyrone', 'Sofia', 'Michael', 'Leila',
  'Victor', 'Renee', 'Andre', 'Katarzyna', 'Joseph', 'Esperanza', 'Hassan', 'Brianna', 'Eduardo', 'Ji-woo',
  'Darnell', 'Teresa', 'Ahmed', 'Monique', 'Rafael', 'Ingrid', 'Terrence', 'Alejandra', 'Minh', 'Colleen',
];

export const lastNames = [
  'Alvarez', 'Brennan', 'Castillo', 'Dabrowski', 'Ellison', 'Flores', 'Green', 'Haddad', 'Ibarra', 'Jackson',
  'Kowalski', 'Le', 'Morales', 'Nowak', 'Okafor', 'Patel', 'Quinn', 'Ramirez', 'Santos', 'Tran',
  'Underwood', 'Vasquez', 'Washington', 'Xu', 'Yilmaz', 'Zielinski', 'Abdi', 'Baker', 'Chen', 'Delgado',
  'Evans', 'Farouk', 'Gutierrez', 'Hughes', 'Ivanova', 'Jones', 'Kim', 'Lopez', 'Mahmoud', 'Nguyen',
  'Ortiz', 'Pham', 'Reyes', 'Sullivan', 'Torres', 'Villanueva', 'Walsh', 'Young', 'Zamora', 'Murphy',
];

/** Languages residents speak, with how often a demo officer speaks each besides English. */
export const officerLanguages: Array<[string, number]> = [
  ['es', 0.35],
  ['pl', 0.08],
  ['ar', 0.05],
  ['vi', 0.05],
  ['zh-Hans', 0.05],
  ['tl', 0.04],
  ['ko', 0.03],
  ['ht', 0.03],
  ['ase', 0.03],
];

export const venueKinds = ['Branch Library', 'Park Fieldhouse', 'Community Center', 'Elementary School', 'Parish Hall', 'Senior Center'];

export const hobbies = [
  'coaches youth soccer on weekends',
  'runs the district\'s bike patrol',
  'grew up a few blocks from the beat',
  'started a reading program with the branch library',
  'organises the summer block-party safety table',
  'volunteers with the local food pantry',
  'trained as a crisis intervention officer',
  'helps run the junior police academy',
];
