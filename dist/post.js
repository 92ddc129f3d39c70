await import('./post/index.js');
