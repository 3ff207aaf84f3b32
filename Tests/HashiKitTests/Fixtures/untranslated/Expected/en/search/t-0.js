HashiSearch.register("en","t-0",{"docs":[["en/","Home"]],"first":0,"z":"eF4BCQD2/1dlbGNvbWUuABDwAvs="});
