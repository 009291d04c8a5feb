import { createTheme } from '@mui/material/styles';

/**
 * System fonts only: the app is offline, and these faces cover Azerbaijani (ə, ı, İ) and Cyrillic
 * on Windows and Linux workstations.
 */
export const theme = createTheme({
  palette: {
    primary: { main: '#1d4f91' },
    secondary: { main: '#0f766e' },
    background: { default: '#f5f7fa' },
  },
  typography: {
    fontFamily:
      '"Segoe UI", "Noto Sans", "DejaVu Sans", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    MuiButtonBase: { defaultProps: { disableRipple: false } },
  },
});
