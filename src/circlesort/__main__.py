from circlesort.cli import main

raise SystemExit(main())
