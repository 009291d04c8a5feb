import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import CategoryIcon from '@mui/icons-material/Category';
import DashboardIcon from '@mui/icons-material/Dashboard';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import DescriptionIcon from '@mui/icons-material/Description';
import EventIcon from '@mui/icons-material/Event';
import GavelIcon from '@mui/icons-material/Gavel';
import HandshakeIcon from '@mui/icons-material/Handshake';
import PeopleIcon from '@mui/icons-material/People';
import SettingsIcon from '@mui/icons-material/Settings';
import SyncAltIcon from '@mui/icons-material/SyncAlt';
import TimelineIcon from '@mui/icons-material/Timeline';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import WorkIcon from '@mui/icons-material/Work';
import {
  AppBar,
  Box,
  Button,
  Drawer,
  Link,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
} from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { lazy, Suspense, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitcher } from './LanguageSwitcher';
import { PolicyBanners } from './PolicyBanners';
import { NAV_SECTIONS, type NavSection } from './navigation';
import { ShortcutTooltip } from '../ui/keyboard/ShortcutTooltip';
import { useShortcut } from '../ui/keyboard/useShortcut';
import { useSearchClient } from '../features/search/searchClient';
import { useShellShortcuts } from './useShellShortcuts';

// Loaded on first use: the first paint carries no search UI.
const SearchDialog = lazy(async () => ({
  default: (await import('../features/search/SearchDialog')).SearchDialog,
}));

const DRAWER_WIDTH = 240;

const ICONS: Record<NavSection['id'], ReactElement> = {
  dashboard: <DashboardIcon />,
  timeline: <TimelineIcon />,
  partners: <HandshakeIcon />,
  agreements: <GavelIcon />,
  projects: <WorkIcon />,
  events: <EventIcon />,
  people: <PeopleIcon />,
  followUps: <AssignmentTurnedInIcon />,
  documents: <DescriptionIcon />,
  areas: <CategoryIcon />,
  import: <UploadFileIcon />,
  exchange: <SyncAltIcon />,
  trash: <DeleteOutlineIcon />,
  settings: <SettingsIcon />,
};

/**
 * The frame around every screen: title bar with the language switcher, section navigation,
 * content, and the keys that work on every screen.
 */
export function AppShell() {
  const { t } = useTranslation();
  const location = useLocation();
  useShellShortcuts();
  // Start the search worker with the app, so the index is ready before the first Ctrl+K.
  useSearchClient();
  const [isSearchOpen, setIsSearchOpen] = useState(false);
  // Each opening starts afresh (a new key), with no query or kind filter left from the last.
  const [searchSession, setSearchSession] = useState(0);
  const openSearch = () => {
    if (!isSearchOpen) setSearchSession((session) => session + 1);
    setIsSearchOpen(true);
  };
  useShortcut(
    'mod+k',
    (event) => {
      event.preventDefault();
      openSearch();
    },
    { phase: 'capture' },
  );
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Link
        href="#main-content"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
        sx={{
          position: 'absolute',
          left: -9999,
          '&:focus': { left: 8, top: 8, zIndex: 2000, bgcolor: 'background.paper', p: 1 },
        }}
      >
        {t('app.skipToContent')}
      </Link>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="p" noWrap sx={{ flexGrow: 1 }}>
            {t('app.title')}
          </Typography>
          <ShortcutTooltip shortcut="mod+k" title={(keys) => t('search.open', { keys })}>
            <Button color="inherit" startIcon={<SearchIcon />} onClick={openSearch}>
              {t('search.button')}
            </Button>
          </ShortcutTooltip>
          <LanguageSwitcher />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
        }}
      >
        <Toolbar />
        <Box component="nav" aria-label={t('nav.label')} data-testid="section-nav">
          <List>
            {NAV_SECTIONS.map((section) => (
              <ListItem key={section.id} disablePadding>
                <ListItemButton
                  component={NavLink}
                  to={section.path}
                  end={section.path === '/'}
                  sx={{ '&.active': { bgcolor: 'action.selected', fontWeight: 600 } }}
                >
                  <ListItemIcon>{ICONS[section.id]}</ListItemIcon>
                  <ListItemText primary={t(`nav.${section.id}`)} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Box>
      </Drawer>
      <Box
        component="main"
        id="main-content"
        tabIndex={-1}
        sx={{ flexGrow: 1, p: 3, minWidth: 0, outline: 'none' }}
      >
        <Toolbar />
        <PolicyBanners />
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </Box>
      {searchSession > 0 && (
        <Suspense fallback={null}>
          <SearchDialog
            key={searchSession}
            isOpen={isSearchOpen}
            onClose={() => setIsSearchOpen(false)}
          />
        </Suspense>
      )}
    </Box>
  );
}
