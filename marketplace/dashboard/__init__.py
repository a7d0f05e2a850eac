"""Our forks of Oscar's dashboard apps (by label). The dashboard is the operators'
(staff) alone; suppliers' members work in their workspace (/workspace/), and a member
who opens a dashboard address is sent there (see access.py)."""
