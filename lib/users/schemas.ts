import { z } from "zod";
import { roles } from "@/lib/auth/permissions";
import { passwordWeakness } from "@/lib/auth/password-strength";
import { textSchema } from "@/lib/text-input";

export const emailSchema = textSchema({ message: "Enter a valid email address" }).max(254, "Enter a valid email address").toLowerCase().email("Enter a valid email address");

// A name is shown in the newsroom and the audit log: text as every field takes it (lib/text-input.ts).
export const nameSchema = textSchema().min(1, "Enter a name").max(120, "Name must be at most 120 characters");

/** Who a password is for: their own email and name are the first guesses anyone tries. */
export type PasswordOwner = { email?: string | null; name?: string | null };

/** The length rule alone, judged with the other fields of a form; strength once they are known. */
const passwordLengthSchema = z
  .string({ message: "Enter a password" })
  .min(10, { message: "Password must be at least 10 characters", abort: true })
  .max(200, { message: "Password must be at most 200 characters", abort: true })
  // A password is typed: control characters (NUL among them) are no part of one, and some clients drop them.
  .refine((password) => !/[\u0000-\u001f\u007f]/.test(password), { message: "A password cannot hold control characters (such as NUL or a tab)", abort: true });

/**
 * Every password someone sets (the CLI, /admin/users, a change of one's own): long enough and,
 * by zxcvbn's estimate with its common-password dictionaries and the owner's own email and name,
 * not easy to guess. Asynchronous (the estimator loads on first use): parse with `parseInputAsync`.
 */
export const newPasswordSchema = (owner: PasswordOwner = {}) =>
  passwordLengthSchema.superRefine(async (password, context) => {
    const weakness = await passwordWeakness(password, [owner.email, owner.name]);
    if (weakness) context.addIssue({ code: "custom", message: weakness });
  });

const newUserFields = z.object({
  email: emailSchema,
  name: nameSchema.optional(),
  role: z.enum(roles, { message: "Role must be writer, editor or admin" }),
  password: passwordLengthSchema,
});

/** A new user; the password is judged against the email and name it comes with. */
export const createUserSchema = newUserFields.transform(async (input, context) => {
  const weakness = await passwordWeakness(input.password, [input.email, input.name]);
  if (!weakness) return input;
  context.addIssue({ code: "custom", message: weakness, path: ["password"] });
  return z.NEVER;
});
export type CreateUserInput = z.input<typeof createUserSchema>;

/** An admin sets a user's password (they are signed out everywhere). */
export const setPasswordSchema = (owner: PasswordOwner) => z.object({ password: newPasswordSchema(owner) });

/** A user changes their own password: the current one proves it is them. */
export const changeOwnPasswordSchema = (owner: PasswordOwner) =>
  z.object({
    currentPassword: z.string({ message: "Enter your current password" }).min(1, "Enter your current password").max(200, "That is not your current password"),
    password: newPasswordSchema(owner),
  });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200, "Password must be at most 200 characters"),
});

export const createApiKeySchema = z.object({ email: emailSchema });

/**
 * Where a person types a new password in a form, they type it twice: a typo in a password no one
 * can see would lock its owner out. The field error for the second field, or null when they agree.
 */
export function passwordConfirmationErrors(password: string, confirmation: string): { passwordConfirm: string[] } | null {
  if (password === confirmation) return null;
  return { passwordConfirm: [confirmation ? "The two passwords differ: type the same one twice" : "Type the password again to confirm it"] };
}
