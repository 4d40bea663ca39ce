import { z } from "zod";
import { roles } from "@/lib/auth/permissions";
import { textSchema } from "@/lib/text-input";

export const emailSchema = textSchema().toLowerCase().email("Enter a valid email address");

export const createUserSchema = z.object({
  email: emailSchema,
  name: textSchema().min(1, "A name needs at least one character").max(120, "At most 120 characters").optional(),
  role: z.enum(roles, { message: "Role must be writer, editor or admin" }),
  password: z.string().min(10, "Password must be at least 10 characters").max(200),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
});

export const createApiKeySchema = z.object({ email: emailSchema });
