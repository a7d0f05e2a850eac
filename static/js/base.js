/* Every page: styles written for pages without JavaScript step aside. */
document.documentElement.classList.remove("no-js");
