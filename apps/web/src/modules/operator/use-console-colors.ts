import { useLayoutEffect } from 'react';

/** For components that take the primary color from the theme rather than from the CSS variables. */
export const CONSOLE_THEME = { primaryColor: 'grape' } as const;

const PRIMARY_SHADES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const PRIMARY_VARIANTS = ['filled', 'filled-hover', 'light', 'light-hover', 'light-color'];

/**
 * The console's primary color is grape instead of the tenant app's blue, so staff never mistake
 * it for a tenant's screens. Set on the document root, so dialogs and notifications (rendered
 * outside the console's frame) follow too; removed again when the console is left.
 */
export function useConsoleColors(): void {
  useLayoutEffect(() => {
    const style = document.documentElement.style;
    const names = [...PRIMARY_SHADES, ...PRIMARY_VARIANTS];
    for (const name of names)
      style.setProperty(`--mantine-primary-color-${name}`, `var(--mantine-color-grape-${name})`);
    return () => names.forEach((name) => style.removeProperty(`--mantine-primary-color-${name}`));
  }, []);
}
