/* Placeholder until the milter benchmark lands. */
int main(void) { return 0; }
