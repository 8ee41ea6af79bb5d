from dingmi_desktop.cli import main

raise SystemExit(main())
