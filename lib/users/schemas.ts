import { z } from "zod";
import { roles } from "@/lib/auth/permissions";

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address");

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(120).optional(),
  role: z.enum(roles, { message: "Role must be writer, editor or admin" }),
  password: z.string().min(10, "Password must be at least 10 characters").max(200),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
});

export const createApiKeySchema = z.object({ email: emailSchema });
