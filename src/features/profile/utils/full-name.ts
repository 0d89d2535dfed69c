/** How the owner is named on screen and on paper: name and surname. */
export const fullName = (person: { name: string; surname: string }) =>
  `${person.name} ${person.surname}`.trim();
