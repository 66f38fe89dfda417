import type { ComponentProps } from "react";
import styles from "./button.module.css";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

export interface ButtonProps extends ComponentProps<"button"> {
  variant?: ButtonVariant;
  size?: "normal" | "small";
}

/** The app's button. `type` defaults to "button" so a button inside a form never submits it by accident. */
export function Button({ variant = "primary", size = "normal", className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClassName({ variant, size, className })} {...props} />;
}

/** The button look for something that is not a <button> (a link that acts as one). */
export function buttonClassName({
  variant = "primary",
  size = "normal",
  className,
}: {
  variant?: ButtonVariant;
  size?: "normal" | "small";
  className?: string;
}): string {
  return [
    styles.button,
    variant === "primary" ? undefined : styles[variant],
    size === "small" ? styles.small : undefined,
    className,
  ]
    .filter(Boolean)
    .join(" ");
}
