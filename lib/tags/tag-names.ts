/** Tag names are unique per type but for case ("India" and "india" are one place): compared in this form. */
export const lowerName = (name: string) => name.toLocaleLowerCase("en");
