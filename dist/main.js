await import('./main/index.js');
