from dingmi_desktop.app import main

raise SystemExit(main())
